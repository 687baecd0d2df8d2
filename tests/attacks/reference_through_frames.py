"""expect: forbidden_import|exception · kata: lstm_step

Walks up the stack to the child's own modules (the table protocol keeps of the checker's modules, hidden
from imports) and looks in each for the reference backward, to return its gradients as its own. What a child
holds of a kata is only what runs there (checker/specs/_NAME_child.py), and the stack is out of the
answer's reach while it runs: no reference is within reach.
"""
import sys

import numpy as np


def _reference():
    frame = sys._getframe(1)
    while frame is not None:
        for value in list(frame.f_globals.values()):
            kept = getattr(value, "_kept_modules", None)
            for module in (kept.values() if isinstance(kept, dict) else ()):
                found = module.__dict__.get("gradients")
                if callable(found):
                    return found
        frame = frame.f_back
    raise LookupError("no reference within reach")


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    a = x @ Wx + prev_h @ Wh + b
    h = a.shape[1] // 4
    i, f, o = (1 / (1 + np.exp(-a[:, k * h:(k + 1) * h])) for k in range(3))
    c = f * prev_c + i * np.tanh(a[:, 3 * h:])
    return o * np.tanh(c), c


def lstm_step_backward(dnext_h, dnext_c, x, prev_h, prev_c, Wx, Wh, b):
    return _reference()(np.stack([dnext_h, dnext_c]), x, prev_h, prev_c, Wx, Wh, b)
