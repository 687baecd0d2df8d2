"""expect: wrong_gradient

Right forward; the backward divides dout·w by the rms as if the rms did not depend on x.
"""
import numpy as np


def rmsnorm_forward(x, weight, eps=1e-6):
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * weight


def rmsnorm_backward(dout, x, weight, eps=1e-6):
    rms = np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps)
    return dout * weight / rms, np.sum(dout * x / rms, axis=tuple(range(x.ndim - 1)))
