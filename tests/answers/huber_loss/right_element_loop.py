"""One element at a time, straight from the definition; works for any shape, 0-d included."""
import numpy as np


def huber_loss(pred, target, delta=1.0):
    d = np.asarray(pred, dtype=float) - np.asarray(target, dtype=float)
    total = 0.0
    grad = np.zeros_like(d)
    for index in np.ndindex(d.shape):
        r = d[index]
        if abs(r) <= delta:
            total += 0.5 * r * r
            grad[index] = r
        else:
            total += delta * (abs(r) - 0.5 * delta)
            grad[index] = delta if r > 0 else -delta
    return total / d.size, grad / d.size
