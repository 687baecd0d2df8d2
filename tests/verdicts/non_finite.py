"""expect: non_finite"""
import numpy as np


def relu_backward(dout, x):
    return dout * (x > 0) * np.log(x)
