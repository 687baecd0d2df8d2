"""One step of a vanilla RNN: forward and backward.

A vanilla (Elman) recurrent layer updates its hidden state from the input and the previous state:

    x (N, D),  prev_h (N, H),  Wx (D, H),  Wh (H, H),  b (H,)
    next_h = tanh(x @ Wx + prev_h @ Wh + b)          shape (N, H)

Write rnn_step_forward(x, prev_h, Wx, Wh, b), returning next_h, and
rnn_step_backward(dnext_h, x, prev_h, Wx, Wh, b), returning (dx, dprev_h, dWx, dWh, db): the
gradients of the loss w.r.t. each input given dnext_h = dL/d(next_h), each of its input's shape.

- Recompute what you need from the inputs (there is no cache): tanh' can be written in terms of
  tanh's own output.
- D != H in general; N may be 1. Do not modify any input.
- numpy and the standard library only.
"""
import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    """
    Inputs:
    - x: input data for this time step, of shape (N, D)
    - prev_h: hidden state from the previous time step, of shape (N, H)
    - Wx: input-to-hidden weights, of shape (D, H)
    - Wh: hidden-to-hidden weights, of shape (H, H)
    - b: biases, of shape (H,)

    Returns:
    - next_h: the next hidden state, of shape (N, H)
    """
    raise NotImplementedError


def rnn_step_backward(dnext_h, x, prev_h, Wx, Wh, b):
    """
    Inputs:
    - dnext_h: upstream gradient dL/d(next_h), of shape (N, H)
    - x, prev_h, Wx, Wh, b: the inputs of the forward pass, as in rnn_step_forward

    Returns a tuple of:
    - dx: gradient dL/dx, of shape (N, D)
    - dprev_h: gradient dL/dprev_h, of shape (N, H)
    - dWx: gradient dL/dWx, of shape (D, H)
    - dWh: gradient dL/dWh, of shape (H, H)
    - db: gradient dL/db, of shape (H,)
    """
    raise NotImplementedError
