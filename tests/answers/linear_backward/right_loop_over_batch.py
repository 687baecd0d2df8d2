"""One sample at a time: each row adds its outer product to dW and its dout row to db."""
import numpy as np


def linear_backward(dout, x, W, b):
    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    db = np.zeros_like(b)
    for n in range(x.shape[0]):
        dx[n] = W @ dout[n]
        dW += np.outer(x[n], dout[n])
        db += dout[n]
    return dx, dW, db
