"""expect: forbidden_import

Finds the child's wire module among all objects (gc.get_objects) and swaps in an encoder of its own, which
sends the right gradient in place of the wrong one the function returns. While the answer's code runs,
the collector's view of every object is out of its reach.
"""
import gc

_right = {}
for table in [o for o in gc.get_objects() if type(o) is dict and o.get("__name__") == "checker.protocol"]:
    encode = table["encode"]

    def _forged(value, _depth=0, shared=None, _encode=encode):
        if id(value) in _right and _right[id(value)][0] is value:
            return _encode(_right.pop(id(value))[1], _depth, shared)
        return _encode(value, _depth, shared)
    table["encode"] = _forged


def relu_backward(dout, x):
    wrong = dout * (x < 0)
    _right[id(wrong)] = (wrong, dout * (x > 0))
    return wrong
