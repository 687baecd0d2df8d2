"""Softmax, numerically stable.

Multiplying the numerator and the denominator by e^(-m) changes nothing:
    softmax(x)_j = e^(x_j - m) / Σ_k e^(x_k - m)
With m the largest entry of each row the exponents are ≤ 0: nothing overflows, and the largest
term is 1, so the sum never underflows to 0 either. axis=-1 covers a vector and a batch of rows.
"""
import numpy as np


def softmax(x):
    """
    Inputs:
    - x: scores, shape (C,) or (N, C)

    Returns:
    - probs: softmax of x over its last axis, same shape as x
    """
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)
