"""expect: constant_scale

Writes PyTorch's smooth L1 loss with beta = delta: that is the Huber loss divided by delta.
"""
import numpy as np


def huber_loss(pred, target, delta=1.0):
    d = pred - target
    a = np.abs(d)
    loss = np.where(a < delta, 0.5 * d ** 2 / delta, a - 0.5 * delta)
    grad = np.where(a < delta, d / delta, np.sign(d))
    return float(loss.mean()), grad / d.size
