"""expect: constant_scale

Differentiates ½(1 + tanh(x/2)) but drops the inner ½ from the chain rule: twice the answer.
"""
import numpy as np


def sigmoid_grad(x):
    return 0.5 * (1 - np.tanh(x / 2) ** 2)
