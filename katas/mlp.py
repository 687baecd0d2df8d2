"""A multilayer perceptron of any depth: loss and gradients.

The network is a list of L >= 1 layers, params = [(W_0, b_0), ..., (W_{L-1}, b_{L-1})], with
W_l of shape (D_l, D_{l+1}) and b_l of shape (D_{l+1},). On a batch x of shape (N, D_0):

    a_0 = x
    z_l = a_l @ W_l + b_l                 for l = 0, ..., L-1
    a_{l+1} = max(z_l, 0)                 ReLU between layers, for l < L-1 only
    scores = z_{L-1}                      (N, C) with C = D_L: no ReLU after the last layer
    loss = (1/N) sum_n -log softmax(scores[n])[labels[n]]

labels (N,) holds each sample's class, an integer in [0, C). With L = 1 this is softmax
regression.

Write mlp(params, x, labels) returning (loss, grads): loss a float, and grads a list of (dW_l, db_l)
tuples in the order of params, each of its parameter's shape. (The checker's reports call the hidden
layers' gradients dW0, db0, dW1, ... and the output layer's dW_out, db_out.)

- Any depth, and layers of any width; N may be 1.
- Numerically stable: scores up to 1e3 in magnitude, with rows of one batch far apart (one row near
  +1000, another near -1000), give an exact loss and no warning from numpy.
- At z = 0 exactly, any subgradient of the ReLU will do (the checks stay away from 0).
- Do not modify params, x or labels: return new arrays.
- numpy and the standard library only.
"""
import numpy as np


def mlp(params, x, labels):
    """
    Inputs:
    - params: list of L >= 1 tuples (W, b); W of shape (D_l, D_{l+1}), b of shape (D_{l+1},)
    - x: inputs, of shape (N, D_0)
    - labels: integer classes, of shape (N,), each in [0, D_L)

    Returns a tuple of:
    - loss: the mean over the batch of the softmax cross-entropy, a float
    - grads: list of L tuples (dW, db), dW of W's shape and db of b's shape
    """
    raise NotImplementedError
