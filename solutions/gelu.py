"""GELU, tanh form: out = ½·x·(1 + tanh(u)), u = c·(x + k·x³), c = √(2/π), k = 0.044715.

Product rule on ½·x times (1 + tanh u), then the chain rule through u:
    d out/dx = ½·(1 + tanh u) + ½·x · (1 − tanh² u) · du/dx,    du/dx = c·(1 + 3k·x²)
and dx = dout · d out/dx.
"""
import numpy as np

C = np.sqrt(2.0 / np.pi)
K = 0.044715


def gelu_forward(x):
    """x any shape -> out, same shape."""
    return 0.5 * x * (1.0 + np.tanh(C * (x + K * x ** 3)))


def gelu_backward(dout, x):
    """dout, x same shape -> dx, same shape."""
    t = np.tanh(C * (x + K * x ** 3))
    return dout * (0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * C * (1.0 + 3.0 * K * x * x))
