"""expect: mutated_input

The tanh identity done in place to save an allocation: the values are right, but the caller's
x now holds the sigmoid.
"""
import numpy as np


def sigmoid(x):
    x *= 0.5
    np.tanh(x, out=x)
    x += 1
    x *= 0.5
    return x
