"""A single sigmoid neuron: its gradient, then training it.

One neuron, no bias, on a batch of N row vectors with targets y:

    p    = sigmoid(X @ w)          X (N, D), w (D, 1), p (N, 1); sigmoid(z) = 1 / (1 + e^(−z))
    loss = ½ Σ_n (p[n] − y[n])²    y (N, 1); a sum over the batch, not a mean

1. single_neuron_grad(X, y, w) returns (loss, dw), dw = dloss/dw of w's shape (D, 1).

2. train_single_neuron(X, y, iters=10000, lr=1.0, seed=0) trains w by full-batch gradient
   descent, w ← w − lr · dw, for iters steps, and returns the trained w (D, 1). Start from a
   random w drawn from the seed, e.g.

       rng = np.random.default_rng(seed)
       w = 2 * rng.random((D, 1)) - 1          # uniform in [−1, 1)

   so that the same seed always gives the same result. Use the keyword arguments you are given.

With the defaults, training must fit this truth table (the output is the first column; the
third column is always 1 and plays the part of a bias) to within 0.05 on every row:

    X = [[0, 0, 1],        y = [[0],
         [0, 1, 1],             [0],
         [1, 0, 1],             [1],
         [1, 1, 1]]             [1]]

- Do not modify X, y or w.
- Only numpy.
"""
import numpy as np


def single_neuron_grad(X, y, w):
    """
    Inputs:
    - X: inputs, of shape (N, D)
    - y: targets, of shape (N, 1)
    - w: weights, of shape (D, 1)

    Returns a tuple of:
    - loss: ½ Σ (p − y)², a float
    - dw: gradient dloss/dw, of shape (D, 1)
    """
    raise NotImplementedError


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    """
    Inputs:
    - X: inputs, of shape (N, D)
    - y: targets, of shape (N, 1)
    - iters: number of gradient descent steps
    - lr: learning rate
    - seed: seed of the random starting weights

    Returns:
    - w: trained weights, of shape (D, 1)
    """
    raise NotImplementedError
