"""expect: exception

Uses W where W.T is needed: (N, M) @ (D, M) does not line up when D != M.
"""


def linear_backward(dout, x, W, b):
    dx = dout @ W
    dW = x.T @ dout
    db = dout.sum(axis=0)
    return dx, dW, db
