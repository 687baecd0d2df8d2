"""A vanilla RNN over a sequence: forward, and backpropagation through time.

Run the step of the rnn_step kata over T time steps, starting from the state h0:

    x (N, T, D),  h0 (N, H),  Wx (D, H),  Wh (H, H),  b (H,)
    h[:, t] = tanh(x[:, t] @ Wx + h[:, t-1] @ Wh + b),   with h[:, -1] taken to be h0
    h (N, T, H): every hidden state, in order

Write rnn_forward(x, h0, Wx, Wh, b), returning h, and rnn_backward(dh, x, h0, Wx, Wh, b),
returning (dx, dh0, dWx, dWh, db): the gradients of the loss w.r.t. each input, each of its
input's shape, given dh = dL/dh of shape (N, T, H).

- dh is the upstream gradient on *every* hidden state (a loss at each step), not only on the last
  one: h[:, t] receives dh[:, t] plus what flows back from h[:, t+1].
- The weights are shared by every step: their gradients add up over the steps.
- dh0 is what flows back past the first step, into the initial state.
- D != H in general; N may be 1. Do not modify any input.
- numpy and the standard library only.
"""
import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    """
    Inputs:
    - x: input data for the whole sequence, of shape (N, T, D)
    - h0: initial hidden state, of shape (N, H)
    - Wx: input-to-hidden weights, of shape (D, H)
    - Wh: hidden-to-hidden weights, of shape (H, H)
    - b: biases, of shape (H,)

    Returns:
    - h: hidden states for the whole sequence, of shape (N, T, H)
    """
    raise NotImplementedError


def rnn_backward(dh, x, h0, Wx, Wh, b):
    """
    Inputs:
    - dh: upstream gradients of all hidden states, of shape (N, T, H)
    - x, h0, Wx, Wh, b: the inputs of the forward pass, as in rnn_forward

    Returns a tuple of:
    - dx: gradient of the inputs, of shape (N, T, D)
    - dh0: gradient of the initial hidden state, of shape (N, H)
    - dWx: gradient of the input-to-hidden weights, of shape (D, H)
    - dWh: gradient of the hidden-to-hidden weights, of shape (H, H)
    - db: gradient of the biases, of shape (H,)
    """
    raise NotImplementedError
