"""expect: import_error"""
import torch  # noqa: F401


def relu_backward(dout, x):
    return dout * (x > 0)
