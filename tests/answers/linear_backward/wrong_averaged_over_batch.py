"""expect: batch_scale

Divides the parameter gradients by the batch size, as if the layer owned the mean of the loss.
"""


def linear_backward(dout, x, W, b):
    N = x.shape[0]
    dx = dout @ W.T
    dW = x.T @ dout / N
    db = dout.sum(axis=0) / N
    return dx, dW, db
