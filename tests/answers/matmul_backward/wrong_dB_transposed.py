"""expect: transposed

Writes dB as doutᵀ @ A, which has the shape (m, k) of Bᵀ.
"""
import numpy as np


def matmul_backward(dout, A, B):
    dA = dout @ np.swapaxes(B, -1, -2)
    dB = np.swapaxes(dout, -1, -2) @ A
    return dA, dB
