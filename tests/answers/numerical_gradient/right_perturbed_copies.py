"""Never touches x: each evaluation gets its own perturbed copy, through a flat view of it."""
import numpy as np


def numerical_gradient(f, x, h=1e-4):
    grad = np.zeros(x.size)
    for k in range(x.size):
        shift = np.zeros(x.size)
        shift[k] = h
        shift = shift.reshape(x.shape)
        grad[k] = (f(x + shift) - f(x - shift)) / (2 * h)
    return grad.reshape(x.shape)
