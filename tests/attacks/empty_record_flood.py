"""expect: crashed|timeout

Floods the result pipe with empty record headers, just under the 64 MB a check accepts, without a pause:
millions of records to walk, on a pipe that never runs dry. The first empty record ends the reading (no
record of the checker's is empty), and the timeout is looked at on every pass.
"""
import fcntl
import os
import stat


def relu_backward(dout, x):
    for fd in range(3, 256):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode) and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY:
                chunk, left = bytes(1 << 16), 64 * 2**20 - (1 << 16)
                while left > 0:
                    left -= os.write(fd, chunk[:min(left, len(chunk))])
        except OSError:
            pass
    os._exit(0)
