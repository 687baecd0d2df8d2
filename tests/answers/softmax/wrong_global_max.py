"""expect: non_finite

Normalizes each row but shifts by the maximum of the whole array: a row whose entries all lie
far below it becomes 0 / 0.
"""
import numpy as np


def softmax(x):
    e = np.exp(x - np.max(x))
    return e / np.sum(e, axis=-1, keepdims=True)
