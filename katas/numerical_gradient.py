"""Numerical gradient by central differences.

Given a scalar function f of an array x, estimate its gradient entry by entry:

    grad[i] = (f(x + h·e_i) − f(x − h·e_i)) / (2h)

where e_i is the array of x's shape that is 1 at index i and 0 elsewhere. This is the tool
every gradient check is built on.

- x is a float64 numpy array of any number of dimensions (a vector, a weight matrix, a batch
  of images); grad has x's shape.
- f takes an array of x's shape and returns a number; it is smooth but arbitrary: f may couple
  all the entries of x, so perturb one entry at a time.
- Use the step h you are given (the default is 1e-4), and the central difference: the forward
  difference (f(x + h·e_i) − f(x)) / h is only accurate to O(h).
- You may perturb x in place while you work, but x must hold its original values when the
  function returns (the caller is still using it).
- With the default h, the answer must agree with the exact gradient to a relative error of
  1e-6 on smooth functions.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-4):
    """
    Inputs:
    - f: a function taking an array of x's shape and returning a float
    - x: numpy array of any shape, the point at which to take the gradient
    - h: the step of the central difference

    Returns:
    - grad: the numerical gradient df/dx at x, same shape as x
    """
    raise NotImplementedError
