"""expect: wrong_shape"""


def relu_backward(dout, x):
    return (dout * (x > 0)).ravel()
