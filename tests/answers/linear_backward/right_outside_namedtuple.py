"""Written outside the project: the gradients returned as a namedtuple."""
import numpy as np
from collections import namedtuple
Grads = namedtuple('Grads', 'dx dW db')
def linear_backward(dout, x, W, b):
    return Grads(dout @ W.T, x.T @ dout, dout.sum(0))
