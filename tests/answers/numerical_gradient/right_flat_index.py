"""A flat position turned into an index with np.unravel_index; the entry is nudged up, down
twice as far, and back up, which returns it to its value up to rounding."""
import numpy as np


def numerical_gradient(f, x, h=1e-4):
    grad = np.empty(x.shape)
    for flat in range(x.size):
        i = np.unravel_index(flat, x.shape)
        x[i] += h
        up = f(x)
        x[i] -= 2 * h
        down = f(x)
        x[i] += h
        grad[i] = (up - down) / (2 * h)
    return grad
