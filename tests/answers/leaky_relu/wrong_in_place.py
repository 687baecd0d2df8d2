"""expect: mutated_input

Scales the negative side of dout in place (dx = dout is not a copy).
"""


def leaky_relu_forward(x, alpha=0.01):
    out = x.copy()
    out[x <= 0] *= alpha
    return out


def leaky_relu_backward(dout, x, alpha=0.01):
    dx = dout
    dx[x <= 0] *= alpha
    return dx
