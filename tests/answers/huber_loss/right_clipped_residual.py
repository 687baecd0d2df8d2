"""With q = min(|d|, delta): h(d) = ½q² + delta·(|d| − q), which is both parts at once."""
import numpy as np


def huber_loss(pred, target, delta=1.0):
    d = np.asarray(pred - target, dtype=float)
    q = np.minimum(np.abs(d), delta)
    loss = np.mean(0.5 * q ** 2 + delta * (np.abs(d) - q))
    return float(loss), np.where(np.abs(d) <= delta, d, delta * np.sign(d)) / d.size
