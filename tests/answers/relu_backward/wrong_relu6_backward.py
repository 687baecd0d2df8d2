"""expect: mask_error

The backward of ReLU6, min(max(x, 0), 6), reused for a plain ReLU: the gradient is blocked
above 6 too, where max(x, 0) still passes it.
"""


def relu_backward(dout, x):
    return dout * ((x > 0) & (x < 6))
