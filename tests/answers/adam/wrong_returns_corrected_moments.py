"""expect: wrong_value

Returns the bias-corrected m̂ and v̂, so the next step would start from the wrong moments.
"""
import numpy as np


def adam(w, dw, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw ** 2
    m = m / (1 - beta1 ** t)
    v = v / (1 - beta2 ** t)
    return w - lr * m / (np.sqrt(v) + eps), m, v
