"""expect: forbidden_import

Imports the checker to regenerate the seeded draws and look up the expected values.
"""
from checker import catalog, draws  # noqa: F401


def relu_backward(dout, x):
    return -dout * (x > 0)
