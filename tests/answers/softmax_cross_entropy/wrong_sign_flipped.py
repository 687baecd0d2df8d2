"""expect: sign_flip

Writes the gradient as one_hot - p, the direction of descent rather than the gradient.
"""
import numpy as np


def softmax_cross_entropy(logits, labels):
    n, c = logits.shape
    one_hot = np.eye(c)[labels]
    shifted = logits - logits.max(axis=1, keepdims=True)
    probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    loss = -np.sum(one_hot * np.log(probs)) / n
    return loss, (one_hot - probs) / n
