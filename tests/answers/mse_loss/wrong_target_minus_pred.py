"""expect: sign_flip

Differentiates with target - pred: the loss is unchanged by the swap, its gradient is not.
"""
import numpy as np


def mse_loss(pred, target):
    diff = target - pred
    return np.mean(diff ** 2), 2 * diff / diff.size
