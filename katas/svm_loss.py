"""Multiclass SVM (hinge) loss and its gradient.

For N samples with C class scores each, scores (N, C), and the true classes y (N,) as integers,
the multiclass hinge loss with margin 1 is

    loss = (1 / N) * sum_i sum_{j != y_i} max(0, scores[i, j] - scores[i, y_i] + 1)

Write svm_loss(scores, y) returning (loss, dscores): the loss as a float and
dscores = d loss / d scores, of shape (N, C).

- The true class is excluded from the inner sum (its own term would always be max(0, 1) = 1).
- The loss is the mean over the N samples.
- At a margin of exactly 0 the hinge has no derivative; the checker never draws one.
- N may be 1. Do not modify scores or y.
- numpy and the standard library only.
"""
import numpy as np


def svm_loss(scores, y):
    """
    Inputs:
    - scores: class scores, of shape (N, C)
    - y: true classes, integers in [0, C), of shape (N,)

    Returns a tuple of:
    - loss: the mean hinge loss, a float
    - dscores: gradient of the loss w.r.t. scores, of shape (N, C)
    """
    raise NotImplementedError
