"""expect: batch_scale

The textbook one-hot formula without its reshape of a 1-D input: for a single sample y (C,),
y.shape[0] is C, so the loss is divided by the number of classes.
"""
import numpy as np


def cross_entropy(y, t):
    t = np.asarray(t)
    if t.size != y.size:  # integer labels: make them one-hot
        one_hot = np.zeros_like(y)
        if y.ndim == 1:
            one_hot[t] = 1
        else:
            one_hot[np.arange(y.shape[0]), t] = 1
        t = one_hot
    batch_size = y.shape[0]
    return -np.sum(t * np.log(y + 1e-7)) / batch_size
