"""expect: wrong_gradient

Subtracts 1 with dlogits[:, labels]: every row loses 1 at every label's column, not only at
its own label.
"""
import numpy as np


def softmax_cross_entropy(logits, labels):
    n = logits.shape[0]
    exp = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    probs = exp / exp.sum(axis=1, keepdims=True)
    loss = -np.log(probs[np.arange(n), labels]).mean()
    dlogits = probs.copy()
    dlogits[:, labels] -= 1
    dlogits /= n
    return loss, dlogits
