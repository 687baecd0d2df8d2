"""SGD with momentum: one update step.

Momentum keeps a running velocity, a decaying sum of past gradients, and moves the weights along it:

    velocity = momentum · velocity − lr · dw
    w        = w + velocity

Write sgd_momentum(w, dw, velocity, lr=1e-2, momentum=0.9) returning (w, velocity), the weights and
the velocity after this step. It is called once per training step, with the velocity it returned
the step before (zeros at the first step).

- w, dw and velocity have the same shape, any shape.
- Use lr and momentum as given.
- Do not modify w, dw or velocity: return new arrays (the caller may still hold the old ones).
- numpy and the standard library only.
"""
import numpy as np


def sgd_momentum(w, dw, velocity, lr=1e-2, momentum=0.9):
    """
    Inputs:
    - w: the weights, an array of any shape
    - dw: the gradient of the loss w.r.t. w, of w's shape
    - velocity: the velocity after the previous step, of w's shape (zeros at the first step)
    - lr: the learning rate
    - momentum: how much of the velocity is kept from one step to the next, in [0, 1)

    Returns a tuple of:
    - w: the updated weights, of w's shape
    - velocity: the updated velocity, of w's shape
    """
    raise NotImplementedError
