"""The CS231n style, done right: copy first, then zero the blocked entries."""


def relu_backward(dout, x):
    dx = dout.copy()
    dx[x <= 0] = 0
    return dx
