"""Batch normalization in training mode, forward and backward.

With μ, σ² the batch mean and biased variance of each column, s = 1/√(σ² + eps), x̂ = (x − μ)·s and
out = γ·x̂ + β:
    dβ = Σ_n dout,   dγ = Σ_n dout·x̂,   g = dout·γ (the gradient w.r.t. x̂)
x̂ depends on x directly and through μ and σ²; collecting the three paths, each column gives
    dx = s·(g − mean_n(g) − x̂·mean_n(g·x̂))
"""
import numpy as np


def _normalized(x, eps):
    # Two passes (x.var subtracts the mean first): E[x²] − E[x]² loses every digit when |μ| ≫ σ.
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + eps)
    return (x - x.mean(axis=0)) * inv_std, inv_std


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    """x (N, D), gamma (D,), beta (D,) -> out (N, D)."""
    x_hat, _ = _normalized(x, eps)
    return gamma * x_hat + beta


def batchnorm_backward(dout, x, gamma, beta, eps=1e-5):
    """Returns (dx (N, D), dgamma (D,), dbeta (D,))."""
    x_hat, inv_std = _normalized(x, eps)
    g = dout * gamma
    dx = inv_std * (g - g.mean(axis=0) - x_hat * (g * x_hat).mean(axis=0))
    return dx, (dout * x_hat).sum(axis=0), dout.sum(axis=0)
