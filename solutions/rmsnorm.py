"""RMS normalization over the last axis, forward and backward.

With r = 1/√(mean(x²) + eps) per row (the last axis), x̂ = x·r and out = x̂·w. Then dweight = Σ over
the rows of dout·x̂, and with g = dout·w, since dr/dx_j = −r³·x_j/D,
    dx = r·(g − x̂·mean(g·x̂))      (the mean over the last axis)
layernorm's formula without the mean-subtraction term.
"""
import numpy as np


def rmsnorm_forward(x, weight, eps=1e-6):
    """x (..., D), weight (D,) -> out (..., D)."""
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * weight


def rmsnorm_backward(dout, x, weight, eps=1e-6):
    """Returns (dx (..., D), dweight (D,))."""
    inv_rms = 1.0 / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps)
    x_hat = x * inv_rms
    g = dout * weight
    dx = inv_rms * (g - x_hat * np.mean(g * x_hat, axis=-1, keepdims=True))
    return dx, (dout * x_hat).sum(axis=tuple(range(x.ndim - 1)))
