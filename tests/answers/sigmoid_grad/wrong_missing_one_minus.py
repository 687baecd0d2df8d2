"""expect: wrong_gradient

Computes the sigmoid and forgets the (1 − s) factor.
"""
import numpy as np


def sigmoid_grad(x):
    s = 1 / (1 + np.exp(-x))
    return s
