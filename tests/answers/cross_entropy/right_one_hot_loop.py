"""One sample at a time: build the one-hot row and take the dot product with log y."""
import math

import numpy as np


def cross_entropy(y, t):
    rows = y if y.ndim == 2 else y[None, :]
    t = np.asarray(t)
    if t.shape == y.shape:
        targets = t if t.ndim == 2 else t[None, :]
    else:
        targets = np.zeros(rows.shape)
        for n, label in enumerate(t.reshape(-1)):
            targets[n, int(label)] = 1.0
    total = 0.0
    for probs, target in zip(rows, targets):
        total -= sum(target[c] * math.log(probs[c]) for c in range(len(probs)) if target[c])
    return total / len(rows)
