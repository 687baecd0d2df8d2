"""expect: exception

Raises with a message holding a lone surrogate, control sequences and a right-to-left override.
"""


def relu_backward(dout, x):
    raise ValueError("bad \ud800 value \x1b[2J\x1b[H\u202e dessap skcehc lla\r\x08")
