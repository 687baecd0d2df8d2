"""Binary cross-entropy on logits, in a form that never overflows.

log σ(z) = −log(1 + e^−z) and log(1 − σ(z)) = −z − log(1 + e^−z), so per element
    ℓ = −t·log σ(z) − (1 − t)·log(1 − σ(z)) = (1 − t)·z + log(1 + e^−z) = max(z, 0) − t·z + log(1 + e^−|z|)
(the last form only exponentiates −|z|). dℓ/dz = 1 − t − (1 − σ(z)) = σ(z) − t, and the mean over
the S = z.size elements divides every entry by S.
"""
import numpy as np


def bce_with_logits(logits, targets):
    """logits, targets any shape -> (loss float, dlogits of logits' shape)."""
    z, t = logits, targets
    e = np.exp(-np.abs(z))
    loss = np.mean(np.maximum(z, 0.0) - t * z + np.log1p(e))
    sigmoid = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(loss), (sigmoid - t) / z.size
