"""Mean squared error and its gradient.

Given predictions pred and targets target of the same shape (a batch of vectors, of images,
or a single vector), the loss is the mean over ALL elements of the squared error:

    loss = (1/S) sum_i (pred_i - target_i)^2,   S = pred.size (every entry, not only the batch)

Write mse_loss(pred, target) returning (loss, dpred), where loss is a float and
dpred = d loss / d pred has pred's shape. Do not modify pred or target.
"""
import numpy as np


def mse_loss(pred, target):
    """
    Inputs:
    - pred: predictions, any shape, e.g. (N, D)
    - target: targets, the same shape as pred

    Returns a tuple of:
    - loss: the mean over all elements of (pred - target)^2, a float
    - dpred: gradient of the loss w.r.t. pred, pred's shape
    """
    raise NotImplementedError
