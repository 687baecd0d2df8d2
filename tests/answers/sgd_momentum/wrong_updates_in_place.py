"""expect: mutated_input

Updates the velocity and the weights in place, changing the caller's arrays.
"""
import numpy as np


def sgd_momentum(w, dw, velocity, lr=1e-2, momentum=0.9):
    velocity *= momentum
    velocity -= lr * dw
    w += velocity
    return w, velocity
