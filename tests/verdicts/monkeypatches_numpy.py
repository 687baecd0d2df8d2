"""expect: wrong_gradient

Patches numpy in its own process: the verdict, computed elsewhere, does not change.
"""
import numpy as np

np.allclose = lambda *args, **kwargs: True
np.testing.assert_allclose = lambda *args, **kwargs: None
np.asarray = lambda value, *args, **kwargs: value


def relu_backward(dout, x):
    return dout * (x > 0) + 0.5
