"""expect: mutated_input

Scales dout in place and returns it: the values are right, the caller's dout is gone.
"""
import numpy as np


def tanh_backward(dout, x):
    dout *= 1 - np.tanh(x) ** 2
    return dout
