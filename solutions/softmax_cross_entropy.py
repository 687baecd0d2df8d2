"""Softmax cross-entropy, through the log-softmax.

log p_c = z_c - log sum_j exp(z_j); subtracting max_j z_j from every z_c changes nothing in p
but keeps exp from overflowing, and taking the log before the exp keeps a tiny p finite.
For one sample with label k:  d(-log p_k)/dz_c = p_c - [c == k].
The loss is a mean over the batch, so every row of the gradient carries a 1/N:
    dlogits = (p - one_hot(labels)) / N
"""
import numpy as np


def softmax_cross_entropy(logits, labels):
    """
    Inputs:
    - logits: (N, C)
    - labels: int (N,)

    Returns:
    - loss: float
    - dlogits: (N, C)
    """
    n = logits.shape[0]
    rows = np.arange(n)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[rows, labels].mean()
    dlogits = np.exp(log_probs)
    dlogits[rows, labels] -= 1
    dlogits /= n
    return float(loss), dlogits
