"""In-place arithmetic, but on copies: the caller's arrays are left alone."""
import numpy as np


def sgd_momentum(w, dw, velocity, lr=1e-2, momentum=0.9):
    v = velocity.copy()
    v *= momentum
    v -= lr * dw
    next_w = w.copy()
    next_w += v
    return next_w, v
