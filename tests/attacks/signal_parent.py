"""expect: sign_flip

Signals every process it can name outside itself (its parent, its process group, any checker process it
can find in /proc) with INT, TERM, HUP, USR1 and KILL. None of them reaches the checker.
"""
import os
import signal

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGKILL)


def _targets():
    found = {os.getppid()}
    try:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                with open(f"/proc/{entry}/cmdline", "rb") as handle:
                    if b"checker" in handle.read():
                        found.add(int(entry))
    except OSError:
        pass
    found.discard(os.getpid())
    found.discard(0)
    return found


for number in SIGNALS:
    for pid in _targets():
        try:
            os.kill(pid, number)
        except OSError:
            pass
    try:
        group = os.getpgid(os.getppid())
        if group != os.getpgid(0):  # its own group would be itself
            os.killpg(group, number)
    except OSError:
        pass


def relu_backward(dout, x):
    return -dout * (x > 0)
