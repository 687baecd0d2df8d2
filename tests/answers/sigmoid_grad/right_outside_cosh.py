"""Written outside the project: 1 / (4 cosh²(x/2))."""
import numpy as np

def sigmoid_grad(x):
    # sigma'(x) = 1 / (4 cosh^2(x/2))
    return 0.25 / np.cosh(0.5 * x) ** 2
