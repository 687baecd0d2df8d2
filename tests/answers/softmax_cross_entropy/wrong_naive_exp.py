"""expect: overflow

The textbook formula without the max shift: exp(1000) overflows to inf and inf / inf is NaN.
"""
import numpy as np


def softmax_cross_entropy(logits, labels):
    n = logits.shape[0]
    exp = np.exp(logits)
    probs = exp / exp.sum(axis=1, keepdims=True)
    loss = -np.log(probs[np.arange(n), labels]).mean()
    dlogits = probs.copy()
    dlogits[np.arange(n), labels] -= 1
    return loss, dlogits / n
