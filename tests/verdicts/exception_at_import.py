"""expect: exception"""
import numpy as np

SCALE = np.ones(3) @ np.ones(4)


def relu_backward(dout, x):
    return dout * (x > 0)
