"""Max pooling layer: forward and backward.

A max-pooling layer keeps the largest entry of every pool × pool window, windows `stride` apart,
in each channel of each image on its own:

    x (N, C, H, W)
    out[n, c, i, j] = max over 0 <= p, q < pool of x[n, c, i*stride + p, j*stride + q]

The output has shape (N, C, H_out, W_out) with

    H_out = (H - pool) // stride + 1,    W_out = (W - pool) // stride + 1

and the sizes you get always divide evenly (no padding).

Write maxpool_forward(x, pool=2, stride=2), returning out, and
maxpool_backward(dout, x, pool=2, stride=2), returning dx, the gradient of the loss w.r.t. x
given dout = dL/d(out), of x's shape.

- Windows may overlap (stride < pool, e.g. pool=3, stride=2 or pool=2, stride=1): one entry of x
  can then be the maximum of several windows and receives the gradient of each.
- No window has ties (its maximum is unique), so the gradient is well defined.
- H != W in general; N may be 1. Do not modify dout or x.
- numpy and the standard library only.
"""
import numpy as np


def maxpool_forward(x, pool=2, stride=2):
    """
    Inputs:
    - x: input images, of shape (N, C, H, W)
    - pool: the height and width of each window
    - stride: the step between neighbouring windows, along both spatial axes

    Returns:
    - out: of shape (N, C, H_out, W_out)
    """
    raise NotImplementedError


def maxpool_backward(dout, x, pool=2, stride=2):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), of shape (N, C, H_out, W_out)
    - x, pool, stride: the inputs of the forward pass, as in maxpool_forward

    Returns:
    - dx: gradient dL/dx, of shape (N, C, H, W)
    """
    raise NotImplementedError
