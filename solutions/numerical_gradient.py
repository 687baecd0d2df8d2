"""Numerical gradient by central differences.

Taylor: f(x ± h·e_i) = f(x) ± h·∂_i f + h²/2·∂_i² f ± h³/6·∂_i³ f + O(h⁴). Subtracting the
two, the even terms cancel:
    (f(x + h·e_i) − f(x − h·e_i)) / (2h) = ∂_i f + O(h²)
whereas the forward difference (f(x + h·e_i) − f(x)) / h keeps the h/2·∂_i² f term. One entry
at a time, in place, and each entry put back exactly as it was before moving on.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-4):
    """
    Inputs:
    - f: scalar function of an array of x's shape
    - x: numpy array, any shape
    - h: step

    Returns:
    - grad: same shape as x
    """
    grad = np.zeros_like(x, dtype=np.float64)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        f_plus = f(x)
        x[index] = original - h
        f_minus = f(x)
        x[index] = original
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad
