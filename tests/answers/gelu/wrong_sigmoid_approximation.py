"""expect: wrong_value

Uses the cheaper sigmoid approximation x·σ(1.702x), and differentiates it consistently.
"""
import numpy as np


def _sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * z))


def gelu_forward(x):
    return x * _sigmoid(1.702 * x)


def gelu_backward(dout, x):
    s = _sigmoid(1.702 * x)
    return dout * (s + 1.702 * x * s * (1 - s))
