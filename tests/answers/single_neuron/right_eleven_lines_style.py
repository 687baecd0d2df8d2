"""The style of the famous 11-line network: l0, l1, an error y - l1, a delta, and the step added
with +=. As a gradient, dw is minus the quantity that is added."""
import numpy as np


def nonlin(x, deriv=False):
    if deriv:
        return x * (1 - x)
    return 1 / (1 + np.exp(-x))


def single_neuron_grad(X, y, w):
    l0 = X
    l1 = nonlin(np.dot(l0, w))
    l1_error = y - l1
    l1_delta = l1_error * nonlin(l1, True)
    return 0.5 * np.sum(l1_error ** 2), -np.dot(l0.T, l1_delta)


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    np.random.seed(seed)
    syn0 = 2 * np.random.random((X.shape[1], 1)) - 1
    for _ in range(iters):
        l0 = X
        l1 = nonlin(np.dot(l0, syn0))
        l1_error = y - l1
        l1_delta = l1_error * nonlin(l1, True)
        syn0 += lr * np.dot(l0.T, l1_delta)
    return syn0
