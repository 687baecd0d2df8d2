"""expect: zero_gradient"""
import numpy as np


def relu_backward(dout, x):
    return np.zeros_like(dout)
