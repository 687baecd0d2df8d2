"""expect: constant_scale

Averages over the batch (the first axis) only, not over every element.
"""
import numpy as np


def mse_loss(pred, target):
    n = pred.shape[0]
    diff = pred - target
    return np.sum(diff ** 2) / n, 2 * diff / n
