"""expect: ignores_keyword

Takes alpha and uses the usual 0.01 anyway.
"""
import numpy as np


def leaky_relu_forward(x, alpha=0.01):
    return np.where(x > 0, x, 0.01 * x)


def leaky_relu_backward(dout, x, alpha=0.01):
    return dout * np.where(x > 0, 1.0, 0.01)
