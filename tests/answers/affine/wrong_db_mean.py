"""expect: batch_scale

Takes the mean of dout over the batch for db instead of the sum.
"""
import numpy as np


def affine_forward(x, w, b):
    return x.reshape(x.shape[0], -1) @ w + b


def affine_backward(dout, x, w, b):
    x_flat = x.reshape(x.shape[0], -1)
    return (dout @ w.T).reshape(x.shape), x_flat.T @ dout, dout.mean(axis=0)
