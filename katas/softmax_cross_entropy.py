"""Softmax cross-entropy loss and its gradient.

A classifier outputs unnormalized scores (logits) z of shape (N, C) for N samples and C
classes; labels (N,) holds each sample's true class, an integer in [0, C). With

    p_n = softmax(z_n)          (p_n[c] = exp(z_n[c]) / sum_j exp(z_n[j]))
    loss = (1/N) sum_n -log p_n[labels[n]]

write softmax_cross_entropy(logits, labels) returning (loss, dlogits), where loss is a float
and dlogits = d loss / d logits has the shape of logits.

Numerical stability is part of the task: logits go up to 1e3 in magnitude, in any spread.
No overflow, no warning from numpy, and an exact loss: a sample whose true class scores 1000
below the best one has a loss of about 1000, not inf and not a capped value.
N may be 1. Do not modify logits or labels.
"""
import numpy as np


def softmax_cross_entropy(logits, labels):
    """
    Inputs:
    - logits: scores, (N, C)
    - labels: integer true classes, (N,), each in [0, C)

    Returns a tuple of:
    - loss: the mean over the batch of -log softmax(logits[n])[labels[n]], a float
    - dlogits: gradient of the loss w.r.t. logits, (N, C)
    """
    raise NotImplementedError
