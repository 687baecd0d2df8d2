"""expect: wrong_gradient"""
import numpy as np


def relu_backward(dout, x):
    return dout * (x > 0) + 0.1 * np.sin(x)
