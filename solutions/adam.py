"""Adam (Kingma & Ba, 2015), one step.

m and v are exponential averages started at 0, so after t steps m_t = (1 − β1) Σ_k β1^(t−k) g_k
has weights summing to 1 − β1^t, not 1: dividing by that sum is the bias correction. Each weight
then moves by lr · m̂ / (√v̂ + eps), about lr in size whatever the gradient's scale. The raw m, v
are returned: the next step averages on from them, not from the corrected ones.
"""
import numpy as np


def adam(w, dw, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """w, dw, m, v of one shape, t ≥ 1 -> (w, m, v) after step t."""
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
