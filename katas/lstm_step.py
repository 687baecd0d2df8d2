"""One step of an LSTM: forward and backward.

An LSTM cell keeps a hidden state h and a cell state c. One step computes four gates from one
affine map of the input and the previous hidden state:

    x (N, D),  prev_h (N, H),  prev_c (N, H),  Wx (D, 4H),  Wh (H, 4H),  b (4H,)
    a = x @ Wx + prev_h @ Wh + b                        shape (N, 4H)
    split a along its last axis into four blocks of H, in this order:
        i = sigmoid(a[:, 0:H])       input gate
        f = sigmoid(a[:, H:2H])      forget gate
        o = sigmoid(a[:, 2H:3H])     output gate
        g = tanh(a[:, 3H:4H])        candidate cell
    next_c = f * prev_c + i * g
    next_h = o * tanh(next_c)

Write lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b), returning (next_h, next_c), and
lstm_step_backward(dnext_h, dnext_c, x, prev_h, prev_c, Wx, Wh, b), returning
(dx, dprev_h, dprev_c, dWx, dWh, db): the gradients of the loss w.r.t. each input, each of its
input's shape, given dnext_h = dL/d(next_h) and dnext_c = dL/d(next_c).

- The order of the blocks is i, f, o, g (as in CS231n; other libraries use other orders).
- next_c reaches the loss two ways: directly (dnext_c, from the next step) and through next_h.
- D != H in general; N may be 1. Do not modify any input.
- numpy and the standard library only.
"""
import numpy as np


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    """
    Inputs:
    - x: input data, of shape (N, D)
    - prev_h: previous hidden state, of shape (N, H)
    - prev_c: previous cell state, of shape (N, H)
    - Wx: input-to-hidden weights, of shape (D, 4H)
    - Wh: hidden-to-hidden weights, of shape (H, 4H)
    - b: biases, of shape (4H,)

    Returns a tuple of:
    - next_h: next hidden state, of shape (N, H)
    - next_c: next cell state, of shape (N, H)
    """
    raise NotImplementedError


def lstm_step_backward(dnext_h, dnext_c, x, prev_h, prev_c, Wx, Wh, b):
    """
    Inputs:
    - dnext_h: upstream gradient dL/d(next_h), of shape (N, H)
    - dnext_c: upstream gradient dL/d(next_c), of shape (N, H)
    - x, prev_h, prev_c, Wx, Wh, b: the inputs of the forward pass, as in lstm_step_forward

    Returns a tuple of:
    - dx: gradient dL/dx, of shape (N, D)
    - dprev_h: gradient dL/dprev_h, of shape (N, H)
    - dprev_c: gradient dL/dprev_c, of shape (N, H)
    - dWx: gradient dL/dWx, of shape (D, 4H)
    - dWh: gradient dL/dWh, of shape (H, 4H)
    - db: gradient dL/db, of shape (4H,)
    """
    raise NotImplementedError
