"""expect: wrong_value

Stops one step short: returns the log-probabilities.
"""
import numpy as np


def softmax(x):
    shifted = x - np.max(x, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))
