"""ReLU backward: out = max(x, 0).

d out / d x is 1 where x > 0 and 0 elsewhere (the kink at 0 takes the subgradient 0), so the
upstream gradient flows through unchanged where the unit was active and is blocked elsewhere:
    dx = dout * [x > 0]
"""
import numpy as np


def relu_backward(dout, x):
    """
    Inputs:
    - dout: upstream gradient, any shape
    - x: the input of the forward pass, same shape as dout

    Returns:
    - dx: gradient w.r.t. x, same shape as x
    """
    return dout * (x > 0)
