"""expect: constant_scale

The forward is right; the backward forgets that the forward divided by p.
"""


def dropout_forward(x, p, rng):
    mask = rng.random(x.shape) < p
    return x * mask / p, mask


def dropout_backward(dout, mask, p):
    return dout * mask
