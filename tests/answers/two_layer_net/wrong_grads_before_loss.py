"""expect: wrong_type

Returns (grads, loss): the values are right, the order is not."""
import numpy as np
def sigmoid(x): return 1 / (1 + np.exp(-x))
def softmax(a):
    a = a - a.max(axis=1, keepdims=True); e = np.exp(a); return e / e.sum(axis=1, keepdims=True)
def two_layer_net(params, x, t):
    W1, b1, W2, b2 = params['W1'], params['b1'], params['W2'], params['b2']
    N = x.shape[0]
    a1 = x @ W1 + b1
    h = sigmoid(a1)
    a2 = h @ W2 + b2
    y = softmax(a2)
    loss = -np.sum(t * np.log(y)) / N
    dy = (y - t) / N
    dW2 = h.T @ dy; db2 = dy.sum(axis=0)
    dh = dy @ W2.T
    da1 = dh * h * (1 - h)
    dW1 = x.T @ da1; db1 = da1.sum(axis=0)
    return {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}, loss
