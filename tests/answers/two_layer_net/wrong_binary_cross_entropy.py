"""expect: loss_mismatch

The loss of a popular from-scratch article: binary cross-entropy summed over the classes,
−Σ [t·log y + (1 − t)·log(1 − y)], averaged over the batch, on the softmax outputs. The gradients
are the usual (y − t) / N, so only the loss is off.
"""
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def two_layer_net(params, x, t):
    n = x.shape[0]
    h = sigmoid(x @ params["W1"] + params["b1"])
    y = softmax(h @ params["W2"] + params["b2"])
    loss = -np.sum(t * np.log(y) + (1 - t) * np.log(1 - y)) / n

    dz2 = (y - t) / n
    dz1 = (dz2 @ params["W2"].T) * h * (1 - h)
    grads = {"W1": x.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}
    return loss, grads
