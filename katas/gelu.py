"""GELU (tanh form): forward and backward.

The Gaussian error linear unit weighs x by the probability that a standard normal falls below
it. BERT and GPT-2 use its tanh approximation, and that is the function to write, elementwise:

    out = 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x**3)))

Write gelu_forward(x), returning out, and gelu_backward(dout, x), returning dx = dL/dx given
dout = dL/d(out).

- This is the tanh form exactly: the erf form 0.5·x·(1 + erf(x / √2)) and the sigmoid form
  x·σ(1.702·x) are close to it but not equal (they differ by up to ~5e-4 and ~2e-2, for |x|
  around 1 to 3), and the check tells them apart.
- x and dout have the same shape, any shape from 0-d to 4-d; x may hold large entries
  (hundreds, of either sign).
- Do not modify dout or x: return new arrays.
- numpy and the standard library only.
"""
import numpy as np


def gelu_forward(x):
    """
    Inputs:
    - x: input, any shape

    Returns:
    - out: same shape as x
    """
    raise NotImplementedError


def gelu_backward(dout, x):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), same shape as x
    - x: the input of the forward pass

    Returns:
    - dx: gradient dL/dx, same shape as x
    """
    raise NotImplementedError
