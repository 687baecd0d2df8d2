"""expect: sign_flip

Keeps the velocity positive (v = μ·v + lr·dw) and subtracts it from the weights.
"""
import numpy as np


def sgd_momentum(w, dw, velocity, lr=1e-2, momentum=0.9):
    v = momentum * velocity + lr * dw
    return w - v, v
