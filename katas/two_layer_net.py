"""Two-layer network: loss and gradients.

A two-layer classifier on a batch of N row vectors, with one-hot targets t:

    a1 = x @ W1 + b1          x (N, D), W1 (D, H), b1 (H,)
    h  = sigmoid(a1)          sigmoid(a) = 1 / (1 + e^(−a)), elementwise
    a2 = h @ W2 + b2          W2 (H, C), b2 (C,)
    y  = softmax(a2)          softmax over each row: y[n, c] = e^a2[n, c] / Σ_k e^a2[n, k]
    loss = −(1/N) Σ_n Σ_c t[n, c] · log y[n, c]

Write two_layer_net(params, x, t), returning the loss and its gradient with respect to every
parameter.

- params is a dict with the keys 'W1', 'b1', 'W2', 'b2'; return the gradients as a dict with
  the same keys, each gradient of its parameter's shape.
- The loss is a mean over the batch. N can be 1; D, H and C are in general different.
- t is one-hot: t[n, c] is 1 for the true class of row n and 0 elsewhere.
- Do not modify params, x or t.
- Only numpy; write sigmoid and softmax helpers in this file if you want them.
"""
import numpy as np


def two_layer_net(params, x, t):
    """
    Inputs:
    - params: dict of parameters
        'W1': first layer weights, of shape (D, H)
        'b1': first layer biases, of shape (H,)
        'W2': second layer weights, of shape (H, C)
        'b2': second layer biases, of shape (C,)
    - x: input batch, of shape (N, D)
    - t: one-hot targets, of shape (N, C)

    Returns a tuple of:
    - loss: the mean cross-entropy over the batch, a float
    - grads: dict with the keys of params; grads[k] is dloss/dparams[k], of params[k]'s shape
    """
    raise NotImplementedError
