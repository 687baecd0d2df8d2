"""The special arguments of a case (see checker/spec.py): values that only exist where the call runs.

Their own module, because the child's runtime decodes them (checker/protocol.py) and needs nothing else of
the spec's vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rng:
    """An argument that is ``numpy.random.default_rng(seed)``, built wherever the call runs."""

    seed: int


@dataclass(frozen=True)
class Output:
    """An argument that is what an earlier call of the same run returned: the call of ``function`` on
    the case labelled ``case``, then ``path`` into its result. ``Output("dropout_forward", "x (4, 6)", 1)``
    is the mask the user's own forward returned on that draw."""

    function: str
    case: str
    path: tuple = ()

    def __init__(self, function: str, case: str, *path):
        object.__setattr__(self, "function", function)
        object.__setattr__(self, "case", case)
        object.__setattr__(self, "path", path)
