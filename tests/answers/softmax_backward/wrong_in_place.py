"""expect: mutated_input

Reuses dout's memory for the result.
"""
import numpy as np


def softmax_backward(dout, y):
    dot = np.sum(dout * y, axis=-1, keepdims=True)
    dout -= dot
    dout *= y
    return dout
