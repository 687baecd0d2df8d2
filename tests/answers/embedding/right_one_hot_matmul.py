"""As a matrix product: the lookup is onehot(idx) @ W, so dW = onehot(idx)ᵀ @ dout."""
import numpy as np


def embedding_forward(idx, W):
    return np.take(W, idx, axis=0)


def embedding_backward(dout, idx, vocab_size):
    one_hot = np.eye(vocab_size)[idx.ravel()]             # (N*T, V)
    return one_hot.T @ dout.reshape(-1, dout.shape[-1])   # (V, D)
