"""Written outside the project: a branch on ndim with reshape."""
import numpy as np

def softmax(x):
    if x.ndim == 1:
        z = x - x.max()
        return np.exp(z) / np.exp(z).sum()
    z = x - x.max(axis=1).reshape(-1, 1)
    ez = np.exp(z)
    return ez / ez.sum(axis=1).reshape(-1, 1)
