"""From sigmoid(x) = ½(1 + tanh(x/2)): the derivative is ¼·sech²(x/2)."""
import numpy as np


def sigmoid_grad(x):
    return 0.25 / np.cosh(x / 2) ** 2
