"""Binary cross-entropy with logits: loss and gradient, numerically stable.

Given raw scores z (logits) and targets t in [0, 1] of the same shape, with σ(z) = 1 / (1 + e^-z),

    loss = mean over all elements of  −t·log σ(z) − (1 − t)·log(1 − σ(z))

Write bce_with_logits(logits, targets) returning (loss, dlogits): the loss as a float and
dlogits = d loss / d logits, of the logits' shape.

- Any shape, 0-d included; the mean runs over every element (logits.size), not only the rows.
- Targets are probabilities in [0, 1], not only 0 or 1 (soft labels, label smoothing).
- Stable for |z| up to 1000: the exact loss (at z = −1000 with t = 1 it is 1000), no inf, no
  nan, and no numpy warning. σ(z) rounds to exactly 0 or 1 there, so log σ(z) computed from
  σ(z) is log 0: write the loss in terms of z itself.
- Do not modify logits or targets.
- numpy and the standard library only.
"""
import numpy as np


def bce_with_logits(logits, targets):
    """
    Inputs:
    - logits: raw scores z, any shape
    - targets: targets t in [0, 1], same shape as logits

    Returns a tuple of:
    - loss: the mean binary cross-entropy, a float
    - dlogits: gradient of the loss w.r.t. logits, same shape as logits
    """
    raise NotImplementedError
