"""expect: forbidden_import|mutated_input

Mutates its input, then reaches the child's encoder through the caller's frame and makes it report the
inputs as they were before the call. While the answer's code runs, the stack is out of its reach
(sys._getframe, a traceback's frames: checker/_forbidden.py); and were it not, the input arrays lie in
memory the parent reads back itself once the child has ended (checker/shared_inputs.py).
"""
import sys


def relu_backward(dout, x):
    caller = sys._getframe(1).f_globals
    protocol = caller.get("protocol")
    if protocol is not None and not getattr(protocol, "_patched", False):
        original = protocol.encode
        saved = {}

        def encode(value, _depth=0):
            kept = saved.get(id(value))
            return original(kept[1] if kept and kept[0] is value else value, _depth)
        protocol.encode, protocol._patched, protocol._saved = encode, True, saved
    if protocol is not None:
        protocol._saved[id(x)] = (x, x.copy())
    dx = dout * (x > 0)
    x[...] = 0.0  # the mutation the report should name
    return dx
