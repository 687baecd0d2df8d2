"""expect: wrong_value

Applies the ReLU after every layer, the last one included: negative scores become 0 before the softmax.
"""
import numpy as np


def mlp(params, x, labels):
    N = x.shape[0]
    zs, acts = [], [x]
    for W, b in params:
        zs.append(acts[-1] @ W + b)
        acts.append(np.maximum(zs[-1], 0))
    scores = acts[-1]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(N), labels].mean()
    d = np.exp(log_p)
    d[np.arange(N), labels] -= 1
    d /= N
    grads = []
    for l in reversed(range(len(params))):
        d = d * (zs[l] > 0)
        grads.insert(0, (acts[l].T @ d, d.sum(axis=0)))
        d = d @ params[l][0].T
    return loss, grads
