"""Train a two-layer net with minibatch SGD.

Write the whole training loop, forward and backward pass included, for the net

    h = sigmoid(x @ W1 + b1)          x (N, D), W1 (D, H), b1 (H,)
    y = softmax(h @ W2 + b2)          W2 (H, C), b2 (C,), softmax over each row
    L = -(1/N) Σ_n Σ_c t[n, c] log y[n, c]     t one-hot (N, C)

Start from weights drawn with the seed, all random numbers from one generator:

    rng = np.random.default_rng(seed)
    W1 = 0.5 * rng.standard_normal((D, hidden_size));  b1 = np.zeros(hidden_size)
    W2 = 0.5 * rng.standard_normal((hidden_size, C));  b2 = np.zeros(C)

then repeat `iters` times: draw a minibatch of `batch_size` rows (e.g.
rng.choice(N, batch_size, replace=False)), compute its mean loss L and the gradients of L
w.r.t. W1, b1, W2, b2, and step every parameter against its gradient by `lr`.

Return (params, loss_history): params a dict with keys "W1", "b1", "W2", "b2"; loss_history
one float per iteration, the minibatch loss L of that step (length iters).

The check trains your net on real handwritten digits (8×8 images, D = 64 pixels in [0, 1],
C = 10 classes) with the default keywords: the held-out accuracy must reach 0.90 and the loss
must fall, within 60 s. It also calls with other values of every keyword (lr=0.0 must leave
the initial weights untouched; the same seed must give the same run, minibatches included),
and compares one step of a tiny net with the math: every parameter must move by exactly
-lr times its gradient, and the step's loss is the one before its update. Do not modify x or
t. Only numpy is available.
"""
import numpy as np


def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    """
    Inputs:
    - x: training inputs, shape (N, D)
    - t: one-hot training targets, shape (N, C)
    - hidden_size: H, the number of hidden sigmoid units
    - lr: the SGD step size
    - iters: the number of SGD steps
    - batch_size: the number of rows in each minibatch
    - seed: seeds the generator of the initial weights and the minibatches

    Returns a tuple of:
    - params: dict with "W1" (D, H), "b1" (H,), "W2" (H, C), "b2" (C,)
    - loss_history: list of iters floats, the minibatch loss at each step
    """
    raise NotImplementedError
