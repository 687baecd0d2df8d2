"""Written outside the project: a sum of per-sample outer products."""
import numpy as np
def linear_backward(dout, x, W, b):
    # sum of per-sample outer products
    dW = sum(np.outer(x[i], dout[i]) for i in range(x.shape[0]))
    dx = np.stack([W @ dout[i] for i in range(x.shape[0])])
    db = dout.sum(axis=0).reshape(b.shape)
    return dx, dW, db
