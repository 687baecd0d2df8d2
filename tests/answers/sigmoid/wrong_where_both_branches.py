"""expect: overflow

The two-branch idea, but np.where evaluates both branches on every entry: np.exp(x) overflows
for x = 1000 in the branch that is thrown away.
"""
import numpy as np


def sigmoid(x):
    return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))
