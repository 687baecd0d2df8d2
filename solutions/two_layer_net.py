"""Two-layer network: sigmoid hidden layer, softmax output, mean cross-entropy.

Softmax and cross-entropy together have the simple derivative  dL/da2 = (y − t) / N  (the 1/N
of the mean). Then back through each layer:
    dW2 = h.T @ da2,   db2 = Σ_n da2,   dh = da2 @ W2.T
    da1 = dh · h · (1 − h)        (σ′(a1) written with σ's output h = σ(a1))
    dW1 = x.T @ da1,   db1 = Σ_n da1
A bias is added to every row, so its gradient sums over the batch (axis 0).
"""
import numpy as np


def two_layer_net(params, x, t):
    """
    Inputs:
    - params: dict with 'W1' (D, H), 'b1' (H,), 'W2' (H, C), 'b2' (C,)
    - x: inputs, (N, D)
    - t: one-hot targets, (N, C)

    Returns:
    - loss: float
    - grads: dict with the keys of params, each of its parameter's shape
    """
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    n = x.shape[0]
    h = 1.0 / (1.0 + np.exp(-(x @ W1 + b1)))
    a2 = h @ W2 + b2
    a2 = a2 - a2.max(axis=1, keepdims=True)  # softmax is unchanged by a shift; e^a2 cannot overflow
    log_y = a2 - np.log(np.exp(a2).sum(axis=1, keepdims=True))
    loss = -np.sum(t * log_y) / n

    da2 = (np.exp(log_y) - t) / n
    dh = da2 @ W2.T
    da1 = dh * h * (1.0 - h)
    grads = {"W1": x.T @ da1, "b1": da1.sum(axis=0), "W2": h.T @ da2, "b2": da2.sum(axis=0)}
    return loss, grads
