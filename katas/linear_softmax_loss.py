"""Softmax classifier: loss and gradient of a linear model with L2 regularization.

A linear classifier scores N examples X (N, D) for C classes with weights W (D, C):

    scores = X @ W                                         (N, C)
    p = softmax(scores) over each row
    loss = (1/N) Σ_n −log p[n, y[n]]  +  reg · Σ W²

Write linear_softmax_loss(W, X, y, reg) returning (loss, dW): the loss as a float and its gradient
w.r.t. W, of W's shape.

- y holds integer labels in [0, C), shape (N,); N may be 1.
- reg ≥ 0 multiplies the sum of squares as written (no ½ in front); reg may be 0.
- Scores can reach ±1000: no overflow, no warning, an exact loss.
- Do not modify W, X or y.
- numpy and the standard library only.
"""
import numpy as np


def linear_softmax_loss(W, X, y, reg):
    """
    Inputs:
    - W: weights, of shape (D, C)
    - X: a minibatch of data, of shape (N, D)
    - y: integer labels, of shape (N,), y[n] in [0, C)
    - reg: regularization strength, a float ≥ 0

    Returns a tuple of:
    - loss: a float
    - dW: gradient of the loss w.r.t. W, of shape (D, C)
    """
    raise NotImplementedError
