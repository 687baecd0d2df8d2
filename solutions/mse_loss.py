"""Mean squared error: loss = (1/S) sum_i (pred_i - target_i)^2 with S = pred.size.

Each entry appears in one term only, and d(d^2)/d(pred_i) = 2 d_i with d = pred - target, so
    dpred = 2 (pred - target) / S
(the 2 from the square, the 1/S from the mean over every element).
"""
import numpy as np


def mse_loss(pred, target):
    """
    Inputs:
    - pred: any shape
    - target: pred's shape

    Returns:
    - loss: float
    - dpred: pred's shape
    """
    diff = pred - target
    return float(np.mean(diff ** 2)), 2.0 * diff / diff.size
