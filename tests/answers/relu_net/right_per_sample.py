"""One sample at a time: the loss is a sum over rows, so the gradients are sums of outer products."""
import numpy as np


def relu_net(x, y, w1, w2):
    loss = 0.0
    grad_w1 = np.zeros_like(w1)
    grad_w2 = np.zeros_like(w2)
    for xn, yn in zip(x, y):
        h = xn @ w1
        active = h > 0
        a = np.where(active, h, 0.0)
        error = a @ w2 - yn
        loss += error @ error
        d_pred = 2 * error
        grad_w2 += np.outer(a, d_pred)
        grad_w1 += np.outer(xn, (w2 @ d_pred) * active)
    return loss, grad_w1, grad_w2
