"""The two-branch form by masked assignment, each branch computed only on its own entries."""
import numpy as np


def sigmoid(x):
    out = np.empty_like(x, dtype=np.float64)
    positive = x >= 0
    out[positive] = 1 / (1 + np.exp(-x[positive]))
    e = np.exp(x[~positive])
    out[~positive] = e / (1 + e)
    return out
