"""Huber loss, mean over all S = pred.size elements, with d = pred − target.

h'(d) = d on the quadratic part (|d| ≤ delta) and delta·sign(d) on the linear part: the two meet
at ±delta (h is C¹ there), and together they are d clipped to [−delta, delta]. So
    dpred = clip(d, −delta, delta) / S
"""
import numpy as np


def huber_loss(pred, target, delta=1.0):
    """pred, target any shape -> (loss float, dpred of pred's shape)."""
    d = pred - target
    size = np.abs(d)
    per_element = np.where(size <= delta, 0.5 * d * d, delta * (size - 0.5 * delta))
    return float(per_element.mean()), np.clip(d, -delta, delta) / d.size
