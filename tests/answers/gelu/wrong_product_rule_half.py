"""expect: wrong_gradient

Differentiates only the tanh factor of ½x·(1 + tanh u), dropping the ½(1 + tanh u) term.
"""
import numpy as np

c = np.sqrt(2 / np.pi)


def gelu_forward(x):
    return 0.5 * x * (1 + np.tanh(c * (x + 0.044715 * x ** 3)))


def gelu_backward(dout, x):
    t = np.tanh(c * (x + 0.044715 * x ** 3))
    return dout * 0.5 * x * (1 - t ** 2) * c * (1 + 3 * 0.044715 * x ** 2)
