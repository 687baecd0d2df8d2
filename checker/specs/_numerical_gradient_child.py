"""What of the numerical_gradient kata runs in the child: the test functions the user's code is handed (by
reference). It holds nothing of the checking: the exact gradients and the reference stay in the spec entry.

Each function is smooth, with third derivatives small enough that a central difference with h = 1e-4 is
within ~1e-9 of the exact gradient, far inside the promised 1e-6, while a forward difference is off by ~1e-5
or more.
"""
import numpy as np


def sum_of_exp(x):
    return float(np.sum(np.exp(0.5 * x)))


def cubic(x):
    return float(np.sum(x ** 3 / 3.0 + x))


def log_sum_exp(x):
    # Couples every entry with every other: perturbing two entries at once, or leaving an
    # entry perturbed, changes the other entries' derivatives.
    top = np.max(x)
    return float(top + np.log(np.sum(np.exp(x - top))))


def row_weights(x):
    """1, 2, 3, ... by the index along axis 0, broadcast over the other axes."""
    return np.arange(1.0, x.shape[0] + 1).reshape((-1,) + (1,) * (x.ndim - 1))


def row_weighted_cubic(x):
    # Depends on x's shape, not only on its values: the same numbers laid out flat weigh
    # differently, so calling f on a flattened copy of x is seen.
    return float(np.sum(row_weights(x) * (x ** 3 / 3.0 + x)))
