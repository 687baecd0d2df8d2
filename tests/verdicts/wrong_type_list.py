"""expect: wrong_type"""


def relu_backward(dout, x):
    return (dout * (x > 0)).tolist()
