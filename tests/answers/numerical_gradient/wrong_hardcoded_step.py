"""expect: ignores_keyword

Takes h in the signature but uses its own constant step in the body.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-4):
    step = 1e-4
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        tmp_val = x[idx]
        x[idx] = tmp_val + step
        fxh1 = f(x)
        x[idx] = tmp_val - step
        fxh2 = f(x)
        x[idx] = tmp_val
        grad[idx] = (fxh1 - fxh2) / (2 * step)
    return grad
