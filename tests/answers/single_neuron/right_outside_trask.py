"""Written outside the project: the eleven-line network's nonlin(deriv=True)."""
import numpy as np

def nonlin(x, deriv=False):
    if deriv:
        return x * (1 - x)
    return 1 / (1 + np.exp(-x))

def single_neuron_grad(X, y, w):
    l1 = nonlin(np.dot(X, w))
    l1_error = l1 - y
    loss = 0.5 * np.sum(l1_error ** 2)
    l1_delta = l1_error * nonlin(l1, True)
    return loss, np.dot(X.T, l1_delta)

def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    np.random.seed(seed)
    syn0 = 2 * np.random.random((X.shape[1], 1)) - 1
    for it in range(iters):
        l1 = nonlin(np.dot(X, syn0))
        l1_error = y - l1
        l1_delta = l1_error * nonlin(l1, True)
        syn0 += lr * np.dot(X.T, l1_delta)
    return syn0
