"""Huber loss and its gradient.

With the residual d = pred - target, elementwise, the Huber loss is quadratic near 0 and linear
beyond delta:

    h(d) = 0.5 * d**2                    where |d| <= delta
    h(d) = delta * (|d| - 0.5 * delta)   where |d| >  delta

    loss = mean over all elements of h(pred - target)

Write huber_loss(pred, target, delta=1.0) returning (loss, dpred): the loss as a float and
dpred = d loss / d pred, of pred's shape.

- Any shape, 0-d included; the mean runs over every element (pred.size), not only the rows.
- delta > 0 is not always 1: use the one passed.
- Residuals on both sides of ±delta are drawn (never exactly at ±delta), and large ones too.
- Do not modify pred or target.
- numpy and the standard library only.
"""
import numpy as np


def huber_loss(pred, target, delta=1.0):
    """
    Inputs:
    - pred: predictions, any shape
    - target: targets, same shape as pred
    - delta: where the loss turns from quadratic to linear, > 0

    Returns a tuple of:
    - loss: the mean Huber loss, a float
    - dpred: gradient of the loss w.r.t. pred, same shape as pred
    """
    raise NotImplementedError
