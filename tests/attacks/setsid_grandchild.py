"""expect: passed

Leaves a grandchild in a session of its own that holds every descriptor open for a minute, where the kernel
lets it fork at all (seccomp refuses it here). The answer is right; the check must still end on time, and
the grandchild with it.
"""
import os
import time

try:
    pid = os.fork()
except OSError:
    pid = -1
if pid == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(60)
    os._exit(0)


def relu_backward(dout, x):
    return dout * (x > 0)
