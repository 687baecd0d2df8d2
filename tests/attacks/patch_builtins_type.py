"""expect: mask_error

Replaces builtins.type with a function that, when the child's encoder asks the type of the returned array,
first overwrites it with the right gradient. Once the answer's call returns, builtins are the child's own
again, so the wrong answer is judged as it is.
"""
import builtins

import numpy as np

_type, _right = builtins.type, {}


def _hooked(*args):
    if len(args) == 1 and id(args[0]) in _right and _right[id(args[0])][0] is args[0]:
        args[0][...] = _right.pop(id(args[0]))[1]
    return _type(*args)


builtins.type = _hooked


def relu_backward(dout, x):
    wrong = np.asarray(dout * (x < 0))
    _right[id(wrong)] = (wrong, dout * (x > 0))
    return wrong
