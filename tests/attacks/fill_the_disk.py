"""expect: exception

Writes file after file into its working directory, each within the file size limit, to fill the disk
(a thousand files of 15 MB). The scratch directory is a small filesystem of its own: the writes stop there,
with "No space left on device", and the machine's disk never sees them.
"""


def relu_backward(dout, x):
    block = b"\0" * (15 * 2**20)
    for index in range(1000):
        with open(f"block{index}.bin", "wb") as handle:
            handle.write(block)
    return dout * (x > 0)
