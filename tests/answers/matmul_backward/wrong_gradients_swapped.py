"""expect: wrong_type

Returns the gradients in the wrong order, (dB, dA).
"""
import numpy as np


def matmul_backward(dout, A, B):
    dA = dout @ np.swapaxes(B, -1, -2)
    dB = np.swapaxes(A, -1, -2) @ dout
    return dB, dA
