"""tanh(x) = (1 − e^(−2|x|)) / (1 + e^(−2|x|)) · sign(x), so 1 − tanh² = 4e^(−2|x|) / (1 + e^(−2|x|))²;
only a negative exponent is ever taken, so nothing overflows."""
import numpy as np


def tanh_backward(dout, x):
    z = np.exp(-2.0 * np.abs(x))
    return dout * 4.0 * z / (1.0 + z) ** 2
