"""Layer objects with forward/backward (the style of Deep Learning from Scratch, ch. 5), the
legacy global numpy generator seeded once, minibatches drawn with replacement."""
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = np.sum(dout, axis=0)
        return dout @ self.W.T


class Sigmoid:
    def forward(self, x):
        self.out = 1 / (1 + np.exp(-x))
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


class SoftmaxWithLoss:
    def forward(self, x, t):
        self.t = t
        x = x - np.max(x, axis=1, keepdims=True)
        self.y = np.exp(x) / np.sum(np.exp(x), axis=1, keepdims=True)
        return -np.sum(t * np.log(self.y + 1e-7)) / x.shape[0]

    def backward(self):
        return (self.y - self.t) / self.t.shape[0]


def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    np.random.seed(seed)
    params = {"W1": 0.5 * np.random.randn(x.shape[1], hidden_size), "b1": np.zeros(hidden_size),
              "W2": 0.5 * np.random.randn(hidden_size, t.shape[1]), "b2": np.zeros(t.shape[1])}
    layers = [Affine(params["W1"], params["b1"]), Sigmoid(), Affine(params["W2"], params["b2"])]
    last = SoftmaxWithLoss()
    train_loss_list = []
    for _ in range(iters):
        batch_mask = np.random.choice(x.shape[0], batch_size)
        out = x[batch_mask]
        for layer in layers:
            out = layer.forward(out)
        train_loss_list.append(last.forward(out, t[batch_mask]))
        dout = last.backward()
        for layer in reversed(layers):
            dout = layer.backward(dout)
        # In place, so the layers and params share the same arrays.
        for layer, w, b in ((layers[0], "W1", "b1"), (layers[2], "W2", "b2")):
            params[w] -= lr * layer.dW
            params[b] -= lr * layer.db
    return params, train_loss_list
