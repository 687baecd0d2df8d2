"""expect: wrong_value

Clips the probability away from 0 and 1 before the log, Keras style: no warning, but every term
is capped near −log(1e-7) ≈ 16.1.
"""
import numpy as np


def bce_with_logits(logits, targets):
    p = 0.5 * (1 + np.tanh(0.5 * logits))
    q = np.clip(p, 1e-7, 1 - 1e-7)
    loss = np.mean(-targets * np.log(q) - (1 - targets) * np.log(1 - q))
    return float(loss), (p - targets) / logits.size
