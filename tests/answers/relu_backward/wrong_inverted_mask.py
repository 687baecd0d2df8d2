"""expect: mask_error

Keeps the gradient where the unit was off and blocks it where it was on.
"""


def relu_backward(dout, x):
    return dout * (x < 0)
