"""Word embedding layer: forward and backward.

A vocabulary of V words, each mapped to a vector of D numbers, the rows of W (V, D). A minibatch of
N sequences of T word indices idx (N, T) is looked up row by row:

    out[n, t] = W[idx[n, t]]          out (N, T, D)

Write embedding_forward(idx, W), returning out, and embedding_backward(dout, idx, vocab_size),
returning dW (vocab_size, D), the gradient of the loss w.r.t. W given dout = dL/d(out) (N, T, D).

- The same word appears many times in idx (in one sequence and across the batch): each
  appearance adds its dout[n, t] to that word's row of dW.
- Rows of words that do not appear in idx get zero gradient; vocab_size may be larger than
  idx.max() + 1.
- Do not modify dout, idx or W: return new arrays.
- numpy and the standard library only.
"""
import numpy as np


def embedding_forward(idx, W):
    """
    Inputs:
    - idx: integer word indices, of shape (N, T), each in [0, V)
    - W: the word vectors, of shape (V, D)

    Returns:
    - out: of shape (N, T, D), out[n, t] = W[idx[n, t]]
    """
    raise NotImplementedError


def embedding_backward(dout, idx, vocab_size):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), of shape (N, T, D)
    - idx: the word indices of the forward pass, of shape (N, T)
    - vocab_size: V, the number of rows of W

    Returns:
    - dW: gradient dL/dW, of shape (V, D)
    """
    raise NotImplementedError
