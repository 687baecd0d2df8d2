"""expect: exception"""


def relu_backward(dout, x):
    while True:
        print("still here " * 20)
