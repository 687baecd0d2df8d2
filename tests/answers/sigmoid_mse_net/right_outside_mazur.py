"""Written outside the project: the hand-worked example's notation."""
import numpy as np
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))
def sigmoid_mse_net(x, target, w1, w2):
    out_h = sigmoid(np.dot(x, w1))
    out_o = sigmoid(np.dot(out_h, w2))
    loss = 0.5 * np.sum((target - out_o) ** 2)
    # delta at the output: dE/dout_o * dout_o/dnet_o
    delta_o = -(target - out_o) * out_o * (1 - out_o)
    delta_h = np.dot(delta_o, w2.T) * out_h * (1 - out_h)
    if x.ndim == 1:
        grad_w2 = np.outer(out_h, delta_o)
        grad_w1 = np.outer(x, delta_h)
    else:
        grad_w2 = out_h.T.dot(delta_o)
        grad_w1 = x.T.dot(delta_h)
    return loss, grad_w1, grad_w2
