"""expect: ignores_keyword

Writes 0.9 in the body instead of using momentum.
"""
import numpy as np


def sgd_momentum(w, dw, velocity, lr=1e-2, momentum=0.9):
    v = 0.9 * velocity - lr * dw
    return w + v, v
