"""One row at a time, the chain rule through the mean square written out: d ms/dx_j = 2·x_j/D."""
import numpy as np


def rmsnorm_forward(x, weight, eps=1e-6):
    out = np.empty_like(x)
    for index in np.ndindex(x.shape[:-1]):
        row = x[index]
        out[index] = row / np.sqrt(np.sum(row ** 2) / row.size + eps) * weight
    return out


def rmsnorm_backward(dout, x, weight, eps=1e-6):
    D = x.shape[-1]
    dx = np.empty_like(x)
    dweight = np.zeros(D)
    for index in np.ndindex(x.shape[:-1]):
        row, up = x[index], dout[index]
        ms = np.sum(row ** 2) / D
        rms = np.sqrt(ms + eps)
        dweight += up * row / rms
        dnormed = up * weight
        dms = np.sum(dnormed * row) * -0.5 * (ms + eps) ** -1.5
        dx[index] = dnormed / rms + dms * 2.0 * row / D
    return dx, dweight
