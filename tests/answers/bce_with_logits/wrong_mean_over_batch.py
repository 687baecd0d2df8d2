"""expect: constant_scale

Averages over the rows only, as if each row were one sample's single logit.
"""
import numpy as np


def bce_with_logits(logits, targets):
    n = logits.shape[0] if logits.ndim else 1
    per = np.maximum(logits, 0) - targets * logits + np.log1p(np.exp(-np.abs(logits)))
    p = np.exp(-np.logaddexp(0, -logits))
    return float(per.sum() / n), (p - targets) / n
