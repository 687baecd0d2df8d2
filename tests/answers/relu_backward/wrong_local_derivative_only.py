"""expect: ignores_upstream

Returns the local derivative (the mask) and forgets the chain rule.
"""


def relu_backward(dout, x):
    return (x > 0).astype(float)
