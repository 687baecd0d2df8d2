"""expect: ignores_keyword|wrong_default · kata: leaky_relu

Declares a keyword default of 2**4000 where the task's is 0.01 (and ignores alpha): comparing that default
with a float overflowed, an internal error of the checker.
"""
import numpy as np


def leaky_relu_forward(x, alpha=2**4000):
    return np.where(x > 0, x, 0.01 * x)


def leaky_relu_backward(dout, x, alpha=2**4000):
    return dout * np.where(x > 0, 1.0, 0.01)
