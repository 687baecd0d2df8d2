"""expect: wrong_gradient

Caches the pre-activations and uses them in dW: dW_l = z_{l-1}.T @ dz instead of the ReLU's output.
"""
import numpy as np


def mlp(params, x, labels):
    N = x.shape[0]
    pre = [x]  # what went into each ReLU (x for the first layer)
    a = x
    for W, b in params[:-1]:
        z = a @ W + b
        pre.append(z)
        a = np.maximum(z, 0)
    scores = a @ params[-1][0] + params[-1][1]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(N), labels].mean()
    dz = np.exp(log_p)
    dz[np.arange(N), labels] -= 1
    dz /= N
    grads = [None] * len(params)
    for l in reversed(range(len(params))):
        grads[l] = (pre[l].T @ dz, dz.sum(axis=0))
        dz = (dz @ params[l][0].T) * (pre[l] > 0)
    return loss, grads
