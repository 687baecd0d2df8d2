"""expect: wrong_value

Forgets to zero the true class's margin: every row adds max(0, 1) = 1 to the loss. (The gradient
comes out right: the true class's +1 is taken back by the row sum.)
"""
import numpy as np


def svm_loss(scores, y):
    n = scores.shape[0]
    correct = scores[np.arange(n), y][:, None]
    margins = np.maximum(0, scores - correct + 1)
    loss = margins.sum() / n
    binary = (margins > 0).astype(float)
    binary[np.arange(n), y] -= binary.sum(axis=1)
    return loss, binary / n
