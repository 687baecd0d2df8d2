"""Multiclass hinge loss, margin 1, true class excluded, mean over N.

Term (i, j ≠ y_i) is max(0, m_ij) with m_ij = s_ij − s_iy_i + 1. Where m_ij > 0 it adds +1 to
∂/∂s_ij and −1 to ∂/∂s_iy_i, so
    dscores[i, j] = [m_ij > 0] / N  (j ≠ y_i),    dscores[i, y_i] = −(number of j with m_ij > 0) / N
"""
import numpy as np


def svm_loss(scores, y):
    """scores (N, C), y int (N,) -> (loss float, dscores (N, C))."""
    n = scores.shape[0]
    rows = np.arange(n)
    margins = np.maximum(0.0, scores - scores[rows, y][:, None] + 1.0)
    margins[rows, y] = 0.0
    positive = (margins > 0).astype(np.float64)
    positive[rows, y] = -positive.sum(axis=1)
    return float(margins.sum() / n), positive / n
