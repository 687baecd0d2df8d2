"""expect: wrong_shape

Treats B as a weight shared by the whole stack and sums its gradient over the leading axes.
"""
import numpy as np


def matmul_backward(dout, A, B):
    dA = dout @ np.swapaxes(B, -1, -2)
    batch_axes = tuple(range(A.ndim - 2))
    dB = (np.swapaxes(A, -1, -2) @ dout).sum(axis=batch_axes)
    return dA, dB
