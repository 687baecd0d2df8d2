"""expect: wrong_shape

Returns the vector of per-sample losses instead of their mean.
"""
import numpy as np


def cross_entropy(y, t):
    y = np.atleast_2d(y)
    t = np.asarray(t)
    if t.size == y.size:
        labels = np.atleast_2d(t).argmax(axis=1)
    else:
        labels = t.reshape(-1)
    return -np.log(y[np.arange(len(y)), labels])
