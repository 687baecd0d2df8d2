"""expect: exception

Returns, and changes its input from a thread a moment later, after the checker has read it.
"""
import threading
import time


def relu_backward(dout, x):
    dx = dout * (x > 0)

    def later():
        time.sleep(0.05)
        x[...] = 0.0
    threading.Thread(target=later, daemon=True).start()
    return dx
