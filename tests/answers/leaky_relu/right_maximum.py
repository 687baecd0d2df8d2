"""For 0 <= alpha < 1, alpha·x is the larger of the two where x < 0 and x where x > 0."""
import numpy as np


def leaky_relu_forward(x, alpha=0.01):
    return np.maximum(x, alpha * x)


def leaky_relu_backward(dout, x, alpha=0.01):
    dx = dout.copy()
    dx[x <= 0] *= alpha
    return dx
