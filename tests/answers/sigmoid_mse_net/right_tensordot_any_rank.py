"""One code path for both ranks: np.tensordot over the leading (batch) axes sums over the batch
when there is one, and is an outer product when there is not (an empty list of axes)."""
import numpy as np


def sigmoid_mse_net(x, target, w1, w2):
    out_h = np.exp(-np.logaddexp(0, -(x @ w1)))
    out_o = np.exp(-np.logaddexp(0, -(out_h @ w2)))
    loss = float(0.5 * np.sum((out_o - target) ** 2))

    delta_o = (out_o - target) * out_o * (1 - out_o)
    delta_h = (delta_o @ w2.T) * out_h * (1 - out_h)
    batch_axes = list(range(x.ndim - 1))
    grad_w1 = np.tensordot(x, delta_h, axes=(batch_axes, batch_axes))
    grad_w2 = np.tensordot(out_h, delta_o, axes=(batch_axes, batch_axes))
    return loss, grad_w1, grad_w2
