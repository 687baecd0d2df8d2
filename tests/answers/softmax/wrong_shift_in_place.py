"""expect: mutated_input

Shifts the scores in place (`scores -= np.max(scores)` style): the values are right, but the
caller's x has changed.
"""
import numpy as np


def softmax(x):
    x -= np.max(x, axis=-1, keepdims=True)
    e = np.exp(x)
    return e / np.sum(e, axis=-1, keepdims=True)
