"""Temporal softmax loss: cross-entropy over a batch of sequences, with a mask.

A captioning or language model scores V words at each of T time steps of N sequences,
x (N, T, V), against the true words y (N, T). Sequences have different lengths, so a boolean mask
(N, T) says which steps count (padding steps are False):

    loss = (1/N) Σ_{n, t where mask[n, t]} −log softmax(x[n, t])[y[n, t]]

The sum runs over the unmasked steps only, and it is divided by N, the number of sequences (not
by the number of unmasked steps). Write temporal_softmax_loss(x, y, mask) returning (loss, dx): the
loss as a float and its gradient w.r.t. x, of x's shape.

- A row of the mask may be all False (a sequence that contributes nothing); N may be 1.
- Scores can reach ±1000: no overflow, no warning, an exact loss.
- Do not modify x, y or mask.
- numpy and the standard library only.
"""
import numpy as np


def temporal_softmax_loss(x, y, mask):
    """
    Inputs:
    - x: scores, of shape (N, T, V)
    - y: integer targets, of shape (N, T), each in [0, V)
    - mask: booleans, of shape (N, T): whether the step at x[n, t] counts in the loss

    Returns a tuple of:
    - loss: a float
    - dx: gradient of the loss w.r.t. x, of shape (N, T, V)
    """
    raise NotImplementedError
