"""expect: output_for_input

Remembers "σ' = σ(1 − σ)" and applies it to the argument, which is the input x.
"""


def sigmoid_grad(x):
    return x * (1 - x)
