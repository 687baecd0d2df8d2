"""expect: exception

Allocates and touches 3 GB, more than the memory limit: a MemoryError, not a machine that swaps.
"""
import numpy as np


def relu_backward(dout, x):
    ballast = np.ones(3 * 2**30 // 8)
    return dout * (x > 0) + 0 * ballast[0]
