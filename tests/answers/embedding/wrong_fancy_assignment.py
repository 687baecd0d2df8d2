"""expect: missing_accumulation

Writes dW[idx] = dout: each repeated word keeps only one of its gradients.
"""
import numpy as np


def embedding_forward(idx, W):
    return W[idx]


def embedding_backward(dout, idx, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[2]))
    dW[idx] = dout
    return dW
