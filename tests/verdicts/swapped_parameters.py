"""expect: wrong_gradient

The right formula, with the parameters in another order than the task's (dout, x).
"""


def relu_backward(x, dout):
    return dout * (x > 0)
