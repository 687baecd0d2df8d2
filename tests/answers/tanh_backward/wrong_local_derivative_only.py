"""expect: ignores_upstream

Returns the local derivative and forgets to multiply by the upstream gradient.
"""
import numpy as np


def tanh_backward(dout, x):
    return 1 - np.tanh(x) ** 2
