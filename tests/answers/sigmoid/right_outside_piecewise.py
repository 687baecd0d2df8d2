"""Written outside the project: np.piecewise on the sign of x."""
import numpy as np

def sigmoid(x):
    x = np.asarray(x, dtype=float)
    return np.piecewise(
        x,
        [x >= 0, x < 0],
        [lambda v: 1 / (1 + np.exp(-v)), lambda v: np.exp(v) / (1 + np.exp(v))],
    )
