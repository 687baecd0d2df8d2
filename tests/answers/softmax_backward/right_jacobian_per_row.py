"""The textbook way: build each row's Jacobian diag(y) − y yᵀ and multiply, one row at a time."""
import numpy as np


def softmax_backward(dout, y):
    C = y.shape[-1]
    rows_y, rows_dout = y.reshape(-1, C), dout.reshape(-1, C)
    dx = np.empty_like(rows_y)
    for n in range(rows_y.shape[0]):
        s = rows_y[n]
        jacobian = np.diag(s) - np.outer(s, s)
        dx[n] = jacobian.T @ rows_dout[n]
    return dx.reshape(y.shape)
