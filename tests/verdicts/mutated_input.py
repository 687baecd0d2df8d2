"""expect: mutated_input"""


def relu_backward(dout, x):
    x[x <= 0] = 0
    return dout * (x > 0)
