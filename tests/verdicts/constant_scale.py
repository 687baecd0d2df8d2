"""expect: constant_scale"""


def relu_backward(dout, x):
    return 2 * dout * (x > 0)
