"""expect: sign_flip

Drops the minus in the exponent: this is sigmoid(-x).
"""
import numpy as np


def sigmoid(x):
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, z / (1 + z), 1 / (1 + z))
