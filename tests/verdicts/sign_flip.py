"""expect: sign_flip"""


def relu_backward(dout, x):
    return -dout * (x > 0)
