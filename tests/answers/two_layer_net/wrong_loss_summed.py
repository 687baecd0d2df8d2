"""expect: batch_scale

The gradients carry the 1/N of the mean, but the loss itself is the sum over the batch.
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
    loss = -np.sum(t * np.log(y))

    dy = (y - t) / N
    dz1 = dy @ W2.T
    da1 = dz1 * z1 * (1 - z1)
    grads = {'W1': x.T @ da1, 'b1': da1.sum(axis=0), 'W2': z1.T @ dy, 'b2': dy.sum(axis=0)}
    return loss, grads
