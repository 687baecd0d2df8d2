"""expect: batch_scale

The loss is the mean, but the gradient at the scores is p - onehot without the 1/N.
"""
import numpy as np


def mlp(params, x, labels):
    N = x.shape[0]
    acts = [x]
    for W, b in params[:-1]:
        acts.append(np.maximum(acts[-1] @ W + b, 0))
    scores = acts[-1] @ params[-1][0] + params[-1][1]
    shifted = scores - scores.max(axis=1, keepdims=True)
    p = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    loss = -np.mean(shifted[np.arange(N), labels] - np.log(np.exp(shifted).sum(axis=1)))
    dz = p.copy()
    dz[np.arange(N), labels] -= 1
    grads = []
    for l in range(len(params) - 1, -1, -1):
        grads.append((acts[l].T @ dz, dz.sum(axis=0)))
        dz = (dz @ params[l][0].T) * (acts[l] > 0)
    return loss, list(reversed(grads))
