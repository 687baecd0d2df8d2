"""expect: exception"""


def relu_backward(dout, x):
    input("press enter")
    return dout * (x > 0)
