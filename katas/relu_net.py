"""A two-layer ReLU network, forward and backward in numpy.

The warm-up of the PyTorch tutorial, before autograd: a fully connected network with one hidden
ReLU layer, no biases, and a sum-of-squares loss.

    h      = x @ w1              x (N, D_in), w1 (D_in, H)
    h_relu = max(h, 0)           elementwise
    y_pred = h_relu @ w2         w2 (H, D_out), y_pred (N, D_out)
    loss   = Σ (y_pred − y)²     summed over every entry: a sum, not a mean

Write relu_net: return the loss and its gradients with respect to w1 and w2.

- Each gradient has exactly the shape of its weight matrix; N can be 1.
- At h == 0 the ReLU's derivative is undefined; use 0 there (the check never draws h near 0).
- Do not modify x, y, w1 or w2.
"""
import numpy as np


def relu_net(x, y, w1, w2):
    """
    Inputs:
    - x: inputs, of shape (N, D_in)
    - y: targets, of shape (N, D_out)
    - w1: first-layer weights, of shape (D_in, H)
    - w2: second-layer weights, of shape (H, D_out)

    Returns a tuple of:
    - loss: the scalar loss Σ (y_pred − y)², a float
    - grad_w1: dloss/dw1, of shape (D_in, H)
    - grad_w2: dloss/dw2, of shape (H, D_out)
    """
    raise NotImplementedError
