"""expect: syntax_error"""


def relu_backward(dout, x):
    dx = dout * (x > 0)
      return dx
