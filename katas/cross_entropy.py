"""Cross-entropy of predicted probabilities.

A classifier gives, for each sample, probabilities y over C classes (positive, summing to 1).
The cross-entropy loss of one sample whose true class is k is

    -log y[k]

and the loss of a batch is the mean of that over the batch (divided by N, the number of
samples, not by the number of entries of y).

Write cross_entropy(y, t) for every form in which the labels come:
- y (N, C) and t (N, C) one-hot (a float array with a 1 at each sample's true class);
- y (N, C) and t (N,) integer labels in [0, C);
- y (C,), a single sample, and t (C,) one-hot;
- y (C,), a single sample, and t its integer label as a numpy integer scalar (what labels[i]
  gives).

A single sample is a batch of one: its loss is -log y[k]. Return the loss as one float (a 0-d
value), never a per-sample vector. The checker draws y from a softmax, so no entry is 0.
Do not modify y or t.
"""
import numpy as np


def cross_entropy(y, t):
    """
    Inputs:
    - y: predicted probabilities, (N, C) or a single sample (C,)
    - t: the true classes, as a one-hot array of y's shape, integer labels (N,) for a 2-D y,
      or an integer scalar label for a 1-D y

    Returns:
    - loss: the mean over the batch of -log y[label], a float
    """
    raise NotImplementedError
