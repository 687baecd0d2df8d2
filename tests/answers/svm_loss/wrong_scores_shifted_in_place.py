"""expect: mutated_input

Subtracts the correct scores from scores in place to save memory.
"""
import numpy as np


def svm_loss(scores, y):
    n = scores.shape[0]
    scores -= scores[np.arange(n), y][:, None].copy()
    margins = np.maximum(0, scores + 1)
    margins[np.arange(n), y] = 0
    binary = (margins > 0).astype(float)
    binary[np.arange(n), y] = -binary.sum(axis=1)
    return margins.sum() / n, binary / n
