"""expect: constant_scale

Turns labels into one-hot rows, then takes np.mean of -t * log(y): the mean runs over all N*C
entries instead of summing over the classes and averaging over the batch.
"""
import numpy as np


def cross_entropy(y, t):
    t = np.asarray(t)
    if t.shape != y.shape:
        one_hot = np.zeros_like(y)
        if y.ndim == 1:
            one_hot[t] = 1
        else:
            one_hot[np.arange(y.shape[0]), t] = 1
        t = one_hot
    return -np.mean(t * np.log(y))
