"""expect: wrong_value

Picks the log term by label, which is only right when every target is exactly 0 or 1.
"""
import numpy as np


def bce_with_logits(logits, targets):
    log_p = -np.logaddexp(0, -logits)          # log σ(z)
    log_not_p = -np.logaddexp(0, logits)       # log(1 − σ(z))
    positive = targets > 0.5
    loss = -np.mean(np.where(positive, log_p, log_not_p))
    return float(loss), (np.exp(log_p) - positive) / logits.size
