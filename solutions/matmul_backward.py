"""Backward of out = A @ B, 2-D or batched over leading axes.

out[..., i, j] = Σ_p A[..., i, p] B[..., p, j], so
    dA[..., i, p] = Σ_j dout[..., i, j] B[..., p, j]   i.e. dA = dout @ Bᵀ
    dB[..., p, j] = Σ_i A[..., i, p] dout[..., i, j]   i.e. dB = Aᵀ @ dout
where ᵀ swaps the last two axes only (matmul keeps the leading axes as a batch).
"""
import numpy as np


def matmul_backward(dout, A, B):
    """dout (..., n, m), A (..., n, k), B (..., k, m) -> (dA (..., n, k), dB (..., k, m))."""
    dA = dout @ np.swapaxes(B, -1, -2)
    dB = np.swapaxes(A, -1, -2) @ dout
    return dA, dB
