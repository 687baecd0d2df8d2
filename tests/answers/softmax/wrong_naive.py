"""expect: overflow

No shift: np.exp(1000) is inf, and inf / inf is NaN.
"""
import numpy as np


def softmax(x):
    e = np.exp(x)
    return e / np.sum(e, axis=-1, keepdims=True)
