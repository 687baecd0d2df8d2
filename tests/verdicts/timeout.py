"""expect: timeout"""


def relu_backward(dout, x):
    dx = dout * (x > 0)
    while True:
        pass
    return dx
