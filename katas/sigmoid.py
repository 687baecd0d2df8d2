"""Sigmoid, numerically stable.

Write the logistic sigmoid, elementwise:

    sigmoid(x) = 1 / (1 + e^(-x))

- x is a float64 numpy array of any shape, a 0-d array included; return an array of x's shape.
- It must be numerically stable: for every x in [-1000, 1000] (the ends included) numpy must
  not warn about an overflow, and the values must be right (sigmoid(1000) is 1,
  sigmoid(-1000) is 0 to double precision). The formula as written computes e^1000 for
  x = -1000.
- Do not modify x: return a new array.
"""
import numpy as np


def sigmoid(x):
    """
    Inputs:
    - x: numpy array of any shape (0-d included)

    Returns:
    - out: sigmoid of every entry of x, same shape as x
    """
    raise NotImplementedError
