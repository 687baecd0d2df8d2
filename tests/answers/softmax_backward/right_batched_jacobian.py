"""Every row's Jacobian at once, broadcast over the leading dimensions, then one einsum."""
import numpy as np


def softmax_backward(dout, y):
    eye = np.eye(y.shape[-1])
    jacobian = y[..., :, None] * eye - y[..., :, None] * y[..., None, :]
    return np.einsum("...ij,...i->...j", jacobian, dout)
