"""kata: practice writing backward passes from scratch in numpy, with a checker that explains.

The library calls behind ``kata check``::

    from checker import check_file
    result = check_file("relu_backward", "practice/relu_backward.py", seed=0)
    result["passed"], result["diagnoses"]

and, for functions defined in a notebook cell or a script (the same check, in the same sandbox)::

    from checker import check
    check("relu_backward", relu_backward)   # a cell shows the report; print() prints it
"""

__version__ = "0.1.0"


def check_file(name: str, path: str, *, seed: int = 0, timeout: float | None = None) -> dict:
    """Checks the user's file for kata ``name``; returns the JSON-ready result (no printing)."""
    from . import catalog, engine

    return engine.check_file(catalog.get(name), path, seed=seed, timeout=timeout)


def __getattr__(name: str):
    # ``check`` is loaded on first use, so that ``import checker`` stays as light as the CLI needs.
    if name == "check":
        from .notebook import check

        return check
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
