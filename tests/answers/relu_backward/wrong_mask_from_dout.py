"""expect: mask_error

Masks by the sign of the upstream gradient instead of the input.
"""


def relu_backward(dout, x):
    return dout * (dout > 0)
