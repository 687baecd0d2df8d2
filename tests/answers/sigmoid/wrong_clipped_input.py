"""expect: wrong_value

Clips x to ±25 to dodge the overflow: sigmoid(-1000) comes out 1.4e-11 instead of 0.
"""
import numpy as np


def sigmoid(x):
    x = np.clip(x, -25, 25)
    return 1 / (1 + np.exp(-x))
