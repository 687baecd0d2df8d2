"""expect: mutated_input

Zeroes the blocked entries of dout in place and returns it: the values are right, but the
caller's dout is destroyed (a classic from CS231n's `dx = dout; dx[x <= 0] = 0`).
"""


def relu_backward(dout, x):
    dx = dout
    dx[x <= 0] = 0
    return dx
