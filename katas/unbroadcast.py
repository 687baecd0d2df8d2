"""Unbroadcast: the backward of numpy broadcasting.

When x of shape `shape` takes part in an elementwise operation with a larger array, numpy
broadcasts it: out = np.broadcast_to(x, grad.shape), which

- adds leading axes (x (3,) against (4, 3) acts as (1, 3)), and
- repeats every axis of size 1 (x (3, 1) against (2, 3, 4) acts as (2, 3, 4)).

Every entry of x is used once per copy, so its gradient is the sum of the upstream gradient over
all its copies. Write unbroadcast(grad, shape) returning the gradient w.r.t. x: grad summed over
the added leading axes and over the axes where `shape` has size 1, with the result of shape
`shape` exactly.

- shape is a tuple and may be () (x a scalar: sum everything); grad may be 0-d too.
- A size-1 axis stays in the result (shape (3, 1) gives a (3, 1) gradient, not (3,)).
- Where nothing is summed (grad already has shape `shape`) returning grad itself, or a view of it,
  is fine; otherwise do not modify grad.
- numpy and the standard library only.
"""
import numpy as np


def unbroadcast(grad, shape):
    """
    Inputs:
    - grad: upstream gradient w.r.t. np.broadcast_to(x, grad.shape), of any shape
    - shape: the shape of x, a tuple that broadcasts to grad.shape (possibly ())

    Returns:
    - dx: gradient w.r.t. x, of shape `shape`
    """
    raise NotImplementedError
