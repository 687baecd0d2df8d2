"""expect: wrong_value

Writes the exact GELU, x·Φ(x) with the error function, and its derivative: close to the tanh
form, but up to ~5e-4 away from it near |x| ≈ 2.7.
"""
import math

import numpy as np

_erf = np.vectorize(math.erf, otypes=[float])


def gelu_forward(x):
    return 0.5 * x * (1 + _erf(x / math.sqrt(2)))


def gelu_backward(dout, x):
    cdf = 0.5 * (1 + _erf(x / math.sqrt(2)))
    pdf = np.exp(-0.5 * x ** 2) / math.sqrt(2 * math.pi)
    return dout * (cdf + x * pdf)
