"""Adam: one update step.

Adam keeps running averages of the gradient (m) and of its square (v), corrects both for their
start at zero, and scales each weight's step by its own gradient's size:

    m = beta1 · m + (1 − beta1) · dw
    v = beta2 · v + (1 − beta2) · dw²
    m̂ = m / (1 − beta1^t),   v̂ = v / (1 − beta2^t)
    w = w − lr · m̂ / (√v̂ + eps)

Write adam(w, dw, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8) returning (w, m, v): the
updated weights and the updated raw moments m and v (not m̂, v̂: the next step starts from them).

- t is the 1-based number of this step: t = 1 at the first update, when m and v are zeros.
- eps is added after the square root of the corrected v̂.
- w, dw, m and v have the same shape, any shape; use every keyword as given.
- Do not modify w, dw, m or v: return new arrays.
- numpy and the standard library only.
"""
import numpy as np


def adam(w, dw, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """
    Inputs:
    - w: the weights, an array of any shape
    - dw: the gradient of the loss w.r.t. w, of w's shape
    - m, v: the first and second moments after the previous step, of w's shape (zeros before step 1)
    - t: the number of this step, 1 at the first
    - lr: the learning rate
    - beta1, beta2: the decay rates of m and v, in [0, 1)
    - eps: added to √v̂ so the division stays finite

    Returns a tuple of:
    - w: the updated weights
    - m: the updated first moment (raw, not bias-corrected)
    - v: the updated second moment (raw, not bias-corrected)
    """
    raise NotImplementedError
