"""expect: syntax_error"""


def relu_backward(dout, x)
    return dout * (x > 0)
