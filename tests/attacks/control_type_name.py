"""expect: exception

An exception whose type name repaints the terminal as "all checks passed".
"""


class Failure(Exception):
    pass


Failure.__name__ = Failure.__qualname__ = "\x1b[2J\x1b[H\x1b[32m✓ all 3 checks passed\x1b[8m"


def relu_backward(dout, x):
    raise Failure("\x1b]0;passed\x07")
