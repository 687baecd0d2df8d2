"""expect: passed

A right answer that makes sys.stdout its own, whose flush ignores SIGTERM and sleeps: code of the answer's
that would run after its results are sent, if the child ever flushed what the answer calls sys.stdout.
"""
import signal
import sys
import time


class _Stdout:
    def __init__(self, real):
        self.real, self.armed = real, False

    def write(self, text):
        return self.real.write(text)

    def flush(self):
        if self.armed:
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            time.sleep(10**6)
        self.real.flush()


sys.stdout = _Stdout(sys.stdout)


def relu_backward(dout, x):
    sys.stdout.armed = True
    return dout * (x > 0)
