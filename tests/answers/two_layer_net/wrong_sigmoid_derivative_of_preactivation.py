"""expect: output_for_input

Writes the sigmoid's derivative as s * (1 - s) but with the pre-activation a1 for s.
"""
import numpy as np


def two_layer_net(params, x, t):
    W1, b1, W2, b2 = params['W1'], params['b1'], params['W2'], params['b2']
    N = x.shape[0]
    a1 = x @ W1 + b1
    z1 = 1 / (1 + np.exp(-a1))
    a2 = z1 @ W2 + b2
    e = np.exp(a2 - a2.max(axis=1, keepdims=True))
    y = e / e.sum(axis=1, keepdims=True)
    loss = -np.sum(t * np.log(y)) / N

    dy = (y - t) / N
    dz1 = dy @ W2.T
    da1 = dz1 * a1 * (1 - a1)
    grads = {'W1': x.T @ da1, 'b1': da1.sum(axis=0), 'W2': z1.T @ dy, 'b2': dy.sum(axis=0)}
    return loss, grads
