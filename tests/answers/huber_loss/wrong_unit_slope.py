"""expect: mask_error

The loss is right, but the linear part's gradient is sign(d), as if delta were 1.
"""
import numpy as np


def huber_loss(pred, target, delta=1.0):
    d = pred - target
    a = np.abs(d)
    loss = np.where(a <= delta, 0.5 * d ** 2, delta * (a - 0.5 * delta))
    grad = np.where(a <= delta, d, np.sign(d))
    return float(loss.mean()), grad / d.size
