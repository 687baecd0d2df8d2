"""expect: missing_accumulation

dW[idx] += dout looks like accumulation, but numpy buffers fancy-indexed in-place adds: a repeated
index is written once.
"""
import numpy as np


def embedding_forward(idx, W):
    return W[idx]


def embedding_backward(dout, idx, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    dW[idx] += dout
    return dW
