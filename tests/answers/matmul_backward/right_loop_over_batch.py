"""Flatten the leading axes into one batch and apply the 2-D formulas matrix by matrix."""
import numpy as np


def matmul_backward(dout, A, B):
    lead = A.shape[:-2]
    A3 = A.reshape((-1,) + A.shape[-2:])
    B3 = B.reshape((-1,) + B.shape[-2:])
    d3 = dout.reshape((-1,) + dout.shape[-2:])
    dA = np.empty_like(A3)
    dB = np.empty_like(B3)
    for i in range(A3.shape[0]):
        dA[i] = d3[i].dot(B3[i].T)
        dB[i] = A3[i].T.dot(d3[i])
    return dA.reshape(lead + A.shape[-2:]), dB.reshape(lead + B.shape[-2:])
