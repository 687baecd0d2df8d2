"""expect: constant_scale

Sum of squared errors instead of their mean, with the matching gradient.
"""
import numpy as np


def mse_loss(pred, target):
    diff = pred - target
    return np.sum(diff * diff), 2 * diff
