"""Written outside the project: np.take_along_axis on integer labels."""
import numpy as np

def cross_entropy(y, t):
    y = np.atleast_2d(y)
    t = np.asarray(t)
    if t.ndim >= 1 and t.shape[-1] == y.shape[1] and t.size == y.size:
        labels = np.atleast_2d(t).argmax(axis=1)
    else:
        labels = np.atleast_1d(t).astype(np.intp)
    picked = np.take_along_axis(y, labels[:, None], axis=1)
    return -np.log(picked).mean()
