"""expect: wrong_value

Indexes y[:, labels]: that takes every label's column for every row (an N x N block), not
each row's own label.
"""
import numpy as np


def cross_entropy(y, t):
    y = np.atleast_2d(y)
    t = np.asarray(t)
    if t.size == y.size:
        t = np.atleast_2d(t).argmax(axis=1)
    labels = np.atleast_1d(t)
    return float(np.mean(-np.log(y[:, labels])))
