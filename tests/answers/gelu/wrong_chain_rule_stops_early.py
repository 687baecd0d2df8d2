"""expect: wrong_gradient

The forward is right; the backward takes du/dx = √(2/π), forgetting the derivative of the cubic.
"""
import numpy as np

c = np.sqrt(2 / np.pi)


def gelu_forward(x):
    return 0.5 * x * (1 + np.tanh(c * (x + 0.044715 * x ** 3)))


def gelu_backward(dout, x):
    t = np.tanh(c * (x + 0.044715 * x ** 3))
    return dout * (0.5 * (1 + t) + 0.5 * x * (1 - t ** 2) * c)
