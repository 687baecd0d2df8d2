"""expect: mutated_input

Changes dout in place and returns it, then raises a warning of its own class whose __str__ puts dout back:
the checker turns warnings into text after the call, so code of the answer's could run there, after the
value was read and before the inputs were. Nothing of the answer's runs after its call returns any more:
the inputs are read first, and warnings and values are read without calling a method of theirs.
"""
import warnings

import numpy as np


class PutsItBack(UserWarning):
    shown = 0

    def __str__(self):
        self.shown += 1
        if self.shown >= 2:  # the first is warnings.warn's own, inside the call
            self.changed[...] = self.original
        return "nothing to see"


def relu_backward(dout, x):
    original = np.array(dout, copy=True)
    dout *= (x > 0)
    warning = PutsItBack()
    warning.changed, warning.original = dout, original
    warnings.warn(warning)
    return dout
