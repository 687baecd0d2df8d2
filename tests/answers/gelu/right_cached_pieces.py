"""The forward's pieces kept, PyTorch-kernel style, and the derivative written with sech² = 1/cosh²."""
import math

import numpy as np

SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)


def gelu_forward(x):
    inner = SQRT_2_OVER_PI * (x + 0.044715 * np.power(x, 3))
    return 0.5 * x * (1.0 + np.tanh(inner))


def gelu_backward(dout, x):
    x = np.asarray(x, dtype=np.float64)
    inner = SQRT_2_OVER_PI * (x + 0.044715 * x ** 3)
    tanh_inner = np.tanh(inner)
    left = 0.5 * (1.0 + tanh_inner)
    # sech²(u) = 1 − tanh²(u): 1/cosh² would overflow for the inner of a large x.
    right = 0.5 * x * (1.0 - tanh_inner ** 2) * SQRT_2_OVER_PI * (1.0 + 3 * 0.044715 * x ** 2)
    return dout * (left + right)
