"""expect: constant_scale

The loss and its gradients divided by the number of entries: a mean where the task asks for a sum.
"""
import numpy as np
def sigmoid(z): return 1.0 / (1.0 + np.exp(-z))
def sigmoid_mse_net(x, target, w1, w2):
    X = np.atleast_2d(x); T = np.atleast_2d(target)
    net_h = X @ w1
    out_h = sigmoid(net_h)
    net_o = out_h @ w2
    out_o = sigmoid(net_o)
    loss = 0.5 * np.mean((T - out_o) ** 2)
    delta_o = (out_o - T) / T.size * out_o * (1 - out_o)
    grad_w2 = out_h.T @ delta_o
    delta_h = (delta_o @ w2.T) * out_h * (1 - out_h)
    grad_w1 = X.T @ delta_h
    return loss, grad_w1, grad_w2
