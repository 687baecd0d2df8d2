"""Written outside the project: tensordot with a 0-d loss."""
import numpy as np
def relu_net(x, y, w1, w2):
    h = x @ w1
    hr = np.maximum(h, 0)
    r = hr @ w2 - y
    loss = np.tensordot(r, r, axes=2)      # a 0-d ndarray
    g = 2 * r
    return loss, x.T @ ((g @ w2.T) * (h > 0)), hr.T @ g
