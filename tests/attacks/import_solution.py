"""expect: forbidden_import

Takes the reference solution instead of writing one.
"""
from solutions.relu_backward import relu_backward  # noqa: F401
