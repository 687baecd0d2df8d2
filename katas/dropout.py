"""Inverted dropout: forward and backward.

During training, dropout keeps each entry of its input independently with probability p and
zeroes the others. "Inverted" dropout rescales the kept entries by 1/p at training time, so that
the expected output equals the input and the layer does nothing at test time:

    mask[i] ~ Bernoulli(p), independently for every entry       (1 = keep, 0 = drop)
    out = x * mask / p                                           so E[out] = x

Write the forward pass, which draws the mask and returns it with the output, and the backward
pass, which gets the upstream gradient dout = dL/d(out) and that same mask.

Conventions:
- p is the probability to KEEP an entry (not to drop it), 0 < p <= 1; p = 1 keeps everything.
- rng is a numpy.random.Generator (np.random.default_rng(seed)). Draw the mask from it, e.g.
  rng.random(x.shape) < p, and from nothing else: a run must be reproducible from its seed, so
  do not use np.random.rand, np.random.seed or a generator of your own.
- mask has x's shape and holds only 0 and 1 (bool or float): it is not scaled by 1/p; the
  division by p belongs to out.
- x is a float64 array of one to four dimensions; out is float64 with x's shape.
- Do not modify x, dout or mask: return new arrays.

The forward is checked statistically (the keep rate on large inputs, at several p) and for
reproducibility; the backward exactly, with masks the checker makes and with your own.

numpy and the standard library only.
"""
import numpy as np


def dropout_forward(x, p, rng):
    """
    Inputs:
    - x: input, a numpy array (1-D to 4-D)
    - p: probability to keep each entry, 0 < p <= 1
    - rng: a numpy.random.Generator to draw the mask from

    Returns a tuple of:
    - out: x * mask / p, float64, of x's shape
    - mask: 0/1 (bool or float) of x's shape, 1 where the entry is kept
    """
    raise NotImplementedError


def dropout_backward(dout, mask, p):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), of x's shape
    - mask: the 0/1 mask dropout_forward returned, of x's shape
    - p: the keep probability the forward used

    Returns:
    - dx: gradient dL/dx, of dout's shape
    """
    raise NotImplementedError
