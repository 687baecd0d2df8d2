"""expect: transposed

Multiplies in the wrong order: dout.T @ x is (M, D), the transpose of dW.
"""


def linear_backward(dout, x, W, b):
    dx = dout @ W.T
    dW = dout.T @ x
    db = dout.sum(axis=0)
    return dx, dW, db
