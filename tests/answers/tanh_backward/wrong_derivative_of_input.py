"""expect: output_for_input

Remembers "the derivative of tanh is 1 − tanh²" as 1 − x², applying the output formula to the input.
"""


def tanh_backward(dout, x):
    return dout * (1 - x ** 2)
