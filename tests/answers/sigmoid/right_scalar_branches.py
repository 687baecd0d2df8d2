"""The two-branch form one number at a time, in plain Python: each branch only ever
exponentiates a non-positive number."""
import math

import numpy as np


def _sigmoid(value):
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    e = math.exp(value)
    return e / (1.0 + e)


def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    out = np.empty_like(x)
    for index in np.ndindex(x.shape):
        out[index] = _sigmoid(x[index])
    return out
