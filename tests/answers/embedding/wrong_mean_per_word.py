"""expect: wrong_value

Averages the gradients of a repeated word instead of adding them.
"""
import numpy as np


def embedding_forward(idx, W):
    return W[idx]


def embedding_backward(dout, idx, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, idx, dout)
    counts = np.bincount(idx.ravel(), minlength=vocab_size)
    return dW / np.maximum(counts, 1)[:, None]
