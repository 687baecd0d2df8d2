"""expect: wrong_axis

Right for a single vector, but the dot product runs over the whole array instead of each row.
"""
import numpy as np


def softmax_backward(dout, y):
    return y * (dout - np.sum(dout * y))
