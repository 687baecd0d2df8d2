"""expect: wrong_type"""


def relu_backward(dout, x):
    return x > 0
