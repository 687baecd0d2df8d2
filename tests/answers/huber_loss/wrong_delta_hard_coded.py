"""expect: ignores_keyword

Takes delta and uses 1 anyway.
"""
import numpy as np


def huber_loss(pred, target, delta=1.0):
    d = pred - target
    a = np.abs(d)
    loss = np.where(a <= 1.0, 0.5 * d ** 2, a - 0.5)
    return float(loss.mean()), np.clip(d, -1.0, 1.0) / d.size
