"""expect: wrong_gradient

Divides by N first and subtracts 1 afterwards, so the label entries are p/N - 1.
"""
import numpy as np


def softmax_cross_entropy(logits, labels):
    n = logits.shape[0]
    exp = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    probs = exp / exp.sum(axis=1, keepdims=True)
    loss = -np.log(probs[np.arange(n), labels]).mean()
    dlogits = probs / n
    dlogits[np.arange(n), labels] -= 1
    return loss, dlogits
