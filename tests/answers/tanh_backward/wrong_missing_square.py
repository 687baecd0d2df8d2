"""expect: wrong_gradient

Forgets the square: 1 − tanh(x) instead of 1 − tanh(x)².
"""
import numpy as np


def tanh_backward(dout, x):
    return dout * (1 - np.tanh(x))
