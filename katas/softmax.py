"""Softmax, numerically stable.

Write the softmax:

    softmax(x)[j] = e^(x[j]) / Σ_k e^(x[k])

- x is either a vector of scores, shape (C,): return the softmax over the vector;
  or a batch of score vectors, shape (N, C): return the softmax of each row, so that every row
  of the result sums to 1. The result has x's shape.
- It must be numerically stable for entries up to 1e3 in magnitude: no overflow, no NaN, no
  warning from numpy, and the right values (e^1000 is inf in float64).
- Do not modify x: return a new array.
"""
import numpy as np


def softmax(x):
    """
    Inputs:
    - x: scores, shape (C,) or (N, C)

    Returns:
    - probs: softmax of x over its last axis (each row for (N, C)), same shape as x
    """
    raise NotImplementedError
