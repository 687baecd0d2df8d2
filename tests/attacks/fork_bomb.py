"""expect: sign_flip|timeout

Forks until the kernel refuses, every child sleeping; then answers (wrongly). Nothing outlives the check.
"""
import os
import time

for _ in range(5000):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        time.sleep(60)
        os._exit(0)


def relu_backward(dout, x):
    return -dout * (x > 0)
