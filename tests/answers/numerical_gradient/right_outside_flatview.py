"""Written outside the project: a flat view of x."""
import numpy as np

def numerical_gradient(f, x, h=1e-4):
    flat = x.reshape(-1)          # a view when x is contiguous
    if not np.shares_memory(flat, x):
        work = x.copy()
        flat = work.reshape(-1)
    else:
        work = x
    g = np.zeros(flat.shape)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        up = f(work)
        flat[i] = old - h
        down = f(work)
        flat[i] = old
        g[i] = (up - down) / (2 * h)
    return g.reshape(x.shape)
