"""Written outside the project: an OrderedDict of layer objects."""
import numpy as np
from collections import OrderedDict
# DLfS ch.5 layered style
class Affine:
    def __init__(self, W, b): self.W, self.b = W, b
    def forward(self, x): self.x = x; return x @ self.W + self.b
    def backward(self, d):
        self.dW = self.x.T @ d; self.db = d.sum(axis=0); return d @ self.W.T
class Sigmoid:
    def forward(self, x): self.out = 1 / (1 + np.exp(-x)); return self.out
    def backward(self, d): return d * (1.0 - self.out) * self.out
class SoftmaxWithLoss:
    def forward(self, x, t):
        self.t = t
        x = x - x.max(axis=1, keepdims=True)
        logy = x - np.log(np.exp(x).sum(axis=1, keepdims=True))
        self.y = np.exp(logy)
        return -np.sum(t * logy) / x.shape[0]
    def backward(self, dout=1):
        return (self.y - self.t) * dout / self.t.shape[0]
def two_layer_net(params, x, t):
    layers = OrderedDict()
    layers['Affine1'] = Affine(params['W1'], params['b1'])
    layers['Sigmoid1'] = Sigmoid()
    layers['Affine2'] = Affine(params['W2'], params['b2'])
    last = SoftmaxWithLoss()
    for layer in layers.values():
        x = layer.forward(x)
    loss = last.forward(x, t)
    dout = last.backward(1)
    for layer in reversed(list(layers.values())):
        dout = layer.backward(dout)
    return loss, {'W1': layers['Affine1'].dW, 'b1': layers['Affine1'].db,
                  'W2': layers['Affine2'].dW, 'b2': layers['Affine2'].db}
