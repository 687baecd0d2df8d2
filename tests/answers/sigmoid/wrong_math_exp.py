"""expect: exception

Uses math.exp, which takes one number: it works on a 0-d array and fails on a vector.
"""
import math


def sigmoid(x):
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    return math.exp(x) / (1 + math.exp(x))
