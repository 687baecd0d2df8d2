"""A two-layer sigmoid network with a squared-error loss, forward and backward in numpy.

No biases; both layers use the logistic sigmoid σ(z) = 1 / (1 + e^−z):

    out_h = σ(x @ w1)                   x (N, D), w1 (D, H), out_h (N, H)
    out_o = σ(out_h @ w2)               w2 (H, O), out_o (N, O)
    loss  = ½ Σ (target − out_o)²       target (N, O); summed over every entry, with the ½

x may also be a single sample, a 1-D vector of shape (D,); then target has shape (O,), out_h
(H,) and out_o (O,), and the loss is the same formula.

Write sigmoid_mse_net: return the loss and its gradients with respect to w1 and w2.

- Each gradient has exactly the shape of its weight matrix, for a batch and for a single sample.
- N can be 1; D, H and O are in general different.
- Do not modify x, target, w1 or w2.
"""
import numpy as np


def sigmoid_mse_net(x, target, w1, w2):
    """
    Inputs:
    - x: inputs, of shape (N, D), or a single sample of shape (D,)
    - target: targets, of shape (N, O), or (O,) for a single sample
    - w1: first-layer weights, of shape (D, H)
    - w2: second-layer weights, of shape (H, O)

    Returns a tuple of:
    - loss: the scalar loss ½ Σ (target − out_o)², a float
    - grad_w1: dloss/dw1, of shape (D, H)
    - grad_w2: dloss/dw2, of shape (H, O)
    """
    raise NotImplementedError
