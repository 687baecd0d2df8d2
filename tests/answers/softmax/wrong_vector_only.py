"""expect: wrong_axis

The one-vector softmax with no axis at all: on a batch it normalizes over every entry at once.
"""
import numpy as np


def softmax(x):
    e = np.exp(x - np.max(x))
    return e / np.sum(e)
