"""SGD with momentum (the CS231n form).

v_t = μ·v_{t−1} − lr·∇w and w_t = w_{t−1} + v_t: the velocity is an exponentially decaying sum of
past steps, −lr·Σ_k μ^k ∇w_{t−k}, so a steady gradient moves w up to 1/(1 − μ) times faster than
plain SGD while alternating ones cancel. Both results are new arrays: the inputs stay as they were.
"""
import numpy as np


def sgd_momentum(w, dw, velocity, lr=1e-2, momentum=0.9):
    """w, dw, velocity of one shape -> (w, velocity) after one step."""
    velocity = momentum * velocity - lr * dw
    return w + velocity, velocity
