"""Cross-entropy: the mean over the batch of -log y[n, t_n].

A one-hot t selects the same entry as its argmax label, since sum_c t_c log y_c = log y_k when
t is 1 at k only. So bring every form to (N, C) probabilities and (N,) labels (a single sample
is a batch of one), pick each row's probability of its label, and average -log of it:
    loss = -(1/N) sum_n log y[n, labels[n]]
"""
import numpy as np


def cross_entropy(y, t):
    """
    Inputs:
    - y: probabilities, (N, C) or (C,)
    - t: one-hot of y's shape, integer labels (N,), or an integer scalar label for a 1-D y

    Returns:
    - loss: float
    """
    t = np.asarray(t)
    probs = y.reshape(-1, y.shape[-1])  # a single sample is a batch of one
    if t.shape == y.shape:  # one-hot
        labels = t.reshape(probs.shape).argmax(axis=1)
    else:
        labels = t.reshape(-1)
    picked = probs[np.arange(probs.shape[0]), labels]
    return float(-np.mean(np.log(picked)))
