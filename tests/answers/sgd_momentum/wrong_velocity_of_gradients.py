"""expect: wrong_value

The other common form: the velocity accumulates raw gradients and lr is applied to the weights.
"""
import numpy as np


def sgd_momentum(w, dw, velocity, lr=1e-2, momentum=0.9):
    velocity = momentum * velocity + dw
    return w - lr * velocity, velocity
