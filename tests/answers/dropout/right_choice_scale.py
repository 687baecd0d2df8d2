"""Keep or drop chosen by rng.choice with the two probabilities; multiplies by 1/p."""
import numpy as np


def dropout_forward(x, p, rng):
    mask = rng.choice([0.0, 1.0], size=x.shape, p=[1 - p, p])
    scale = 1.0 / p
    return x * mask * scale, mask


def dropout_backward(dout, mask, p):
    scale = 1.0 / p
    return dout * mask * scale
