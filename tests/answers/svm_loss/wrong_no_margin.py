"""expect: wrong_value

Drops the + 1: max(0, s_j − s_y) is a hinge with no margin.
"""
import numpy as np


def svm_loss(scores, y):
    n = scores.shape[0]
    margins = np.maximum(0, scores - scores[np.arange(n), y][:, None])
    binary = (margins > 0).astype(float)
    binary[np.arange(n), y] = -binary.sum(axis=1)
    return margins.sum() / n, binary / n
