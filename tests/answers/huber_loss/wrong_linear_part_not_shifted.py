"""expect: wrong_value

Writes the linear part as delta·|d|, which jumps by ½delta² at |d| = delta.
"""
import numpy as np


def huber_loss(pred, target, delta=1.0):
    d = pred - target
    a = np.abs(d)
    loss = np.where(a <= delta, 0.5 * d ** 2, delta * a)
    return float(loss.mean()), np.clip(d, -delta, delta) / d.size
