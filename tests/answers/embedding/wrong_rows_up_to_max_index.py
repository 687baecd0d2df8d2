"""expect: wrong_shape

Sizes dW by the largest index seen instead of the vocabulary.
"""
import numpy as np


def embedding_forward(idx, W):
    return W[idx]


def embedding_backward(dout, idx, vocab_size):
    dW = np.zeros((idx.max() + 1, dout.shape[-1]))
    np.add.at(dW, idx, dout)
    return dW
