"""Linear (fully connected) layer backward.

The forward pass of a linear layer on a batch of N row vectors is

    out = x @ W + b        x (N, D), W (D, M), b (M,), out (N, M)

where the bias b is broadcast: the same b is added to every row.

Write the backward pass: given the upstream gradient dout = dL/d(out) and the inputs of the
forward pass, return the gradients of the loss with respect to x, W and b.

- Each gradient has exactly the shape of the input it belongs to.
- N can be 1; D and M are in general different.
- Do not modify dout, x, W or b: return new arrays.
"""
import numpy as np


def linear_backward(dout, x, W, b):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), of shape (N, M)
    - x: the input of the forward pass, of shape (N, D)
    - W: weights, of shape (D, M)
    - b: biases, of shape (M,)

    Returns a tuple of:
    - dx: gradient dL/dx, of shape (N, D)
    - dW: gradient dL/dW, of shape (D, M)
    - db: gradient dL/db, of shape (M,)
    """
    raise NotImplementedError
