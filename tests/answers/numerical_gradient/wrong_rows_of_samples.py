"""expect: exception

Sees x as a batch of samples, x.reshape(x.shape[0], -1), the idiom of a layer's forward pass: a
view, so perturbing it moves x, and right for every x of at least one axis. A 0-d x has no
x.shape[0], and "any ndim" includes it.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-4):
    rows = x.reshape(x.shape[0], -1)
    grad = np.zeros_like(rows)
    for i in range(rows.shape[0]):
        for j in range(rows.shape[1]):
            old = rows[i, j]
            rows[i, j] = old + h
            plus = f(x)
            rows[i, j] = old - h
            minus = f(x)
            rows[i, j] = old
            grad[i, j] = (plus - minus) / (2 * h)
    return grad.reshape(x.shape)
