"""expect: forbidden_import

Replaces the child's call loop (its __main__ module, or the warm server's) with one that reports success.
"""
import sys

main = sys.modules["__main__"]
main._run_call = lambda *args: ({"ok": True, "value": ["P", None]}, None)


def relu_backward(dout, x):
    return -dout * (x > 0)
