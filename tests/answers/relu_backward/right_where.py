"""np.where instead of a product with the mask."""
import numpy as np


def relu_backward(dout, x):
    return np.where(x > 0, dout, 0.0)
