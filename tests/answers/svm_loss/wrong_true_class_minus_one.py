"""expect: wrong_gradient

Puts −1 at the true class, once per row, instead of once per active margin.
"""
import numpy as np


def svm_loss(scores, y):
    n = scores.shape[0]
    margins = np.maximum(0, scores - scores[np.arange(n), y][:, None] + 1)
    margins[np.arange(n), y] = 0
    dscores = (margins > 0).astype(float)
    dscores[np.arange(n), y] = -1
    return margins.sum() / n, dscores / n
