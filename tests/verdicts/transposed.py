"""expect: transposed"""


def relu_backward(dout, x):
    return (dout * (x > 0)).T
