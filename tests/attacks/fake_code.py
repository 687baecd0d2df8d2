"""expect: passed

A callable object whose __code__ and __defaults__ are not what they claim (and raise): right, only unusual.
"""


class _Backward:
    @property
    def __code__(self):
        raise RuntimeError("no code here")

    __defaults__ = ("not", "a", "tuple of defaults")

    def __call__(self, dout, x):
        return dout * (x > 0)


relu_backward = _Backward()
