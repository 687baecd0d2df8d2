"""Counting the elements from the shape, and squaring with np.square."""
import numpy as np


def mse_loss(pred, target):
    count = np.prod(pred.shape)
    residual = pred - target
    loss = np.square(residual).sum() / count
    dpred = residual * (2.0 / count)
    return loss, dpred
