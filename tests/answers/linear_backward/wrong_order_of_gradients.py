"""expect: wrong_type

Right gradients, returned in another order than the task's (dx, dW, db).
"""


def linear_backward(dout, x, W, b):
    return dout.sum(axis=0), x.T @ dout, dout @ W.T
