"""Layer normalization over the last axis, forward and backward.

Each row (the last axis, D entries) is normalized on its own: with μ, σ² its mean and biased variance,
s = 1/√(σ² + eps), x̂ = (x − μ)·s and out = γ·x̂ + β. The gradients w.r.t. γ and β sum over every row;
within a row, with g = dout·γ, the paths through x, μ and σ² collect to
    dx = s·(g − mean(g) − x̂·mean(g·x̂))      (the means over the last axis)
batchnorm's formula with the roles of the axes exchanged.
"""
import numpy as np


def _normalized(x, eps):
    inv_std = 1.0 / np.sqrt(x.var(axis=-1, keepdims=True) + eps)
    return (x - x.mean(axis=-1, keepdims=True)) * inv_std, inv_std


def layernorm_forward(x, gamma, beta, eps=1e-5):
    """x (..., D), gamma (D,), beta (D,) -> out (..., D)."""
    x_hat, _ = _normalized(x, eps)
    return gamma * x_hat + beta


def layernorm_backward(dout, x, gamma, beta, eps=1e-5):
    """Returns (dx (..., D), dgamma (D,), dbeta (D,))."""
    x_hat, inv_std = _normalized(x, eps)
    g = dout * gamma
    dx = inv_std * (g - g.mean(axis=-1, keepdims=True) - x_hat * (g * x_hat).mean(axis=-1, keepdims=True))
    rows = tuple(range(x.ndim - 1))
    return dx, (dout * x_hat).sum(axis=rows), dout.sum(axis=rows)
