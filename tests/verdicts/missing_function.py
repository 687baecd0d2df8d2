"""expect: missing_function"""


def relu_backwards(dout, x):
    return dout * (x > 0)
