"""The tanh identity: sigmoid(x) = ½ · (1 + tanh(x/2)); tanh saturates instead of overflowing."""
import numpy as np


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))
