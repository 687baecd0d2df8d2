"""expect: passed

Tries to spread more memory than the limit over processes: forks eight children that would each touch
1.5 GB (12 GB in all, past any per-process limit). No process can be started, so the memory limit holds for
the whole check; the answer itself is right.
"""
import os
import time

import numpy as np

for _ in range(8):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        try:
            block = np.ones(3 * 2**26)  # 1.5 GB of float64, touched
            time.sleep(30)
        finally:
            os._exit(0)


def relu_backward(dout, x):
    return dout * (x > 0)
