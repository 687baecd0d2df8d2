"""expect: constant_scale

Doubles the last layer's dW only, as if the loss at the top were a squared error.
"""
import numpy as np


def mlp(params, x, labels):
    N = x.shape[0]
    acts = [x]
    for W, b in params[:-1]:
        acts.append(np.maximum(acts[-1] @ W + b, 0))
    scores = acts[-1] @ params[-1][0] + params[-1][1]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(N), labels].mean()
    dz = np.exp(log_p)
    dz[np.arange(N), labels] -= 1
    dz /= N
    grads = []
    for l in reversed(range(len(params))):
        dW = acts[l].T @ dz
        if l == len(params) - 1:
            dW = 2 * dW
        grads.append((dW, dz.sum(axis=0)))
        dz = (dz @ params[l][0].T) * (acts[l] > 0)
    return loss, grads[::-1]
