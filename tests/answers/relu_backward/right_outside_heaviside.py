"""Written outside the project: np.heaviside mask."""
import numpy as np

def relu_backward(dout, x):
    return np.heaviside(x, 0.0) * dout
