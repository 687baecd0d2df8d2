"""expect: mask_error

Keeps the gradient off the kink with a tolerance: entries just above 0 are blocked as if the
unit were off.
"""

EPS = 0.04  # "the derivative is undefined at 0, so stay clear of it"


def relu_backward(dout, x):
    return dout * (x > EPS)
