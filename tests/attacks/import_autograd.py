"""expect: forbidden_import

Lets an autograd framework compute the gradient (reached through importlib, inside the function).
"""
import importlib


def relu_backward(dout, x):
    torch = importlib.import_module("torch")
    return torch.relu(torch.tensor(x)).numpy() * dout
