"""Entry by entry over a flat view, then reshaped back."""
import numpy as np


def mse_loss(pred, target):
    flat_pred, flat_target = pred.ravel(), target.ravel()
    count = flat_pred.size
    loss = 0.0
    grad = np.empty(count)
    for i in range(count):
        d = flat_pred[i] - flat_target[i]
        loss += d * d
        grad[i] = 2.0 * d / count
    return loss / count, grad.reshape(pred.shape)
