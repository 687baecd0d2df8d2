"""expect: wrong_default

A correct central difference whose default step is another course's (1e-5), not the task's 1e-4:
its values pass, its signature does not.
"""
import numpy as np


def numerical_gradient(f, x, h=0.00001):
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        ix = it.multi_index
        old = x[ix]
        x[ix] = old + h
        plus = f(x)
        x[ix] = old - h
        minus = f(x)
        x[ix] = old
        grad[ix] = (plus - minus) / (2 * h)
        it.iternext()
    return grad
