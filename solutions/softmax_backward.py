"""Softmax backward, from the output y = softmax(x) along the last axis.

∂y_i/∂x_j = y_i (δ_ij − y_j), so the Jacobian of a row is diag(y) − y yᵀ and
    dx_j = Σ_i dout_i · y_i (δ_ij − y_j) = y_j (dout_j − Σ_i dout_i y_i):
one dot product per row (sum over the last axis, keepdims), never the C×C matrix.
"""
import numpy as np


def softmax_backward(dout, y):
    """dout, y (C,) or (..., C) -> dx, same shape."""
    return y * (dout - np.sum(dout * y, axis=-1, keepdims=True))
