"""expect: wrong_gradient

Subtracts the plain sum of dout over the row, forgetting to weigh it by y.
"""
import numpy as np


def softmax_backward(dout, y):
    return y * (dout - dout.sum(axis=-1, keepdims=True))
