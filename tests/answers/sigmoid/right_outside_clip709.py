"""Written outside the project: clips to ±709, where exp is still finite (an underflow is not an overflow)."""
import numpy as np

def sigmoid(x):
    # exp overflows past ~709.78, so clip just below it
    x = np.clip(x, -709, 709)
    return 1.0 / (1.0 + np.exp(-x))
