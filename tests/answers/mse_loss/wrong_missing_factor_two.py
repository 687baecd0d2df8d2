"""expect: constant_scale

Drops the 2 that comes down from the square.
"""
import numpy as np


def mse_loss(pred, target):
    diff = pred - target
    return np.mean(diff ** 2), diff / diff.size
