"""kata: practice writing backward passes from scratch in numpy, with a checker that explains.

The library call behind ``kata check``::

    from checker import check_file
    result = check_file("relu_backward", "practice/relu_backward.py", seed=0)
    result["passed"], result["diagnoses"]
"""

__version__ = "0.1.0"


def check_file(name: str, path: str, *, seed: int = 0, timeout: float | None = None) -> dict:
    """Checks the user's file for kata ``name``; returns the JSON-ready result (no printing)."""
    from . import catalog, engine

    return engine.check_file(catalog.get(name), path, seed=seed, timeout=timeout)
