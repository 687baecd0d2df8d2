"""Backward of a matrix product, plain and batched.

The forward is a matrix product, of two matrices or of two stacks of matrices:

    out = A @ B
    2-D:      A (n, k),  B (k, m)            ->  out (n, m)
    batched:  A (..., n, k),  B (..., k, m)  ->  out (..., n, m)   (the same leading shape on both)

Write matmul_backward(dout, A, B) returning (dA, dB), the gradients of the loss w.r.t. A and B
given dout = dL/d(out): dA has A's shape and dB has B's shape. In the batched case every matrix of
the stack is its own product, so the gradient of each matrix comes from its own slice of dout only.

- n, k and m are all different in the checks, and the leading shape may have one axis or more.
- `.T` reverses every axis of an array, not just the last two.
- Do not modify dout, A or B: return new arrays.
- numpy and the standard library only.
"""
import numpy as np


def matmul_backward(dout, A, B):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), of shape (..., n, m)
    - A: left factor, of shape (..., n, k)
    - B: right factor, of shape (..., k, m)

    Returns a tuple of:
    - dA: gradient dL/dA, of shape (..., n, k)
    - dB: gradient dL/dB, of shape (..., k, m)
    """
    raise NotImplementedError
