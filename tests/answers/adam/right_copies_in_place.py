"""In-place arithmetic on copies, with the moments' updates written as lerps."""
import numpy as np


def adam(w, dw, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = m.copy()
    m += (1 - beta1) * (dw - m)
    v = v.copy()
    v += (1 - beta2) * (dw * dw - v)
    denom = np.sqrt(v / (1 - beta2 ** t)) + eps
    return w - lr * (m / (1 - beta1 ** t)) / denom, m, v
