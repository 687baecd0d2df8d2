"""expect: wrong_value

Takes the log of the softmax with a 1e-7 guard, a habit from the probability-input version:
the loss is no longer exact.
"""
import numpy as np


def softmax_cross_entropy(logits, labels):
    n = logits.shape[0]
    exp = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    probs = exp / exp.sum(axis=1, keepdims=True)
    loss = -np.sum(np.log(probs[np.arange(n), labels] + 1e-7)) / n
    dlogits = probs.copy()
    dlogits[np.arange(n), labels] -= 1
    return loss, dlogits / n
