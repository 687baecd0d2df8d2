"""expect: wrong_gradient

Treats the softmax like an elementwise sigmoid: dy_i/dx_i = y_i(1 − y_i), and nothing off the diagonal.
"""


def softmax_backward(dout, y):
    return dout * y * (1 - y)
