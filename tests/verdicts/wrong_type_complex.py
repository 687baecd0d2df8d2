"""expect: wrong_type

A square root of a negative number taken with ** 0.5 on a complex array gives complex results.
"""
import numpy as np


def relu_backward(dout, x):
    mask = ((x + 0j) ** 0.5).real > 0
    return dout * mask + 0j
