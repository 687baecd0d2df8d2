"""Sigmoid, numerically stable.

1 / (1 + e^-x) forms e^1000 for x = -1000. For x < 0 multiply the numerator and the
denominator by e^x:  sigmoid(x) = e^x / (1 + e^x). With z = e^-|x| (never more than 1):
    sigmoid(x) = 1 / (1 + z)   for x ≥ 0
    sigmoid(x) = z / (1 + z)   for x < 0
(e^-|x| underflowing to 0 far out is harmless: the answer there is 0 or 1 to double precision.
Another classic answer is the identity sigmoid(x) = ½ · (1 + tanh(x/2)).)
"""
import numpy as np


def sigmoid(x):
    """
    Inputs:
    - x: numpy array of any shape (0-d included)

    Returns:
    - out: sigmoid of every entry of x, same shape as x
    """
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))
