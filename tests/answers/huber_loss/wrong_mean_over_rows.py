"""expect: constant_scale

Averages over the first axis only.
"""
import numpy as np


def huber_loss(pred, target, delta=1.0):
    d = pred - target
    n = d.shape[0] if d.ndim else 1
    a = np.abs(d)
    loss = np.where(a <= delta, 0.5 * d ** 2, delta * (a - 0.5 * delta))
    return float(loss.sum() / n), np.clip(d, -delta, delta) / n
