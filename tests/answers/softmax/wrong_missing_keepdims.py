"""expect: exception

Forgets keepdims: x (N, C) minus a max of shape (N,) broadcasts against the columns, which raises
when N != C.
"""
import numpy as np


def softmax(x):
    e = np.exp(x - np.max(x, axis=-1))
    return e / np.sum(e, axis=-1)
