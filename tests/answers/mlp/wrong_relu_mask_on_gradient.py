"""expect: wrong_gradient

Masks the gradient by its own sign (dz[dz < 0] = 0) instead of by where the layer's input z was positive.
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
        grads.append((acts[l].T @ dz, dz.sum(axis=0)))
        dz = dz @ params[l][0].T
        dz[dz < 0] = 0
    return loss, grads[::-1]
