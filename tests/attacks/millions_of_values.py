"""expect: crashed|timeout

Returns two million empty lists: a few bytes each on the wire, well inside the size limit, but a tree of
millions of objects in the process that reads it. The reader counts values and stops at its bound.
"""


def relu_backward(dout, x):
    return [[] for _ in range(2_000_000)]
