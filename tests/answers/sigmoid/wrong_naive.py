"""expect: overflow

The formula as written: np.exp(-x) overflows to inf for x = -1000 (the value 0 comes out right,
but numpy warns, and the same habit gives NaN in softmax).
"""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))
