"""expect: batch_scale

Returns the summed hinge loss and its gradient: no division by N.
"""
import numpy as np


def svm_loss(scores, y):
    n = scores.shape[0]
    margins = np.maximum(0, scores - scores[np.arange(n), y][:, None] + 1)
    margins[np.arange(n), y] = 0
    binary = (margins > 0).astype(float)
    binary[np.arange(n), y] = -binary.sum(axis=1)
    return margins.sum(), binary
