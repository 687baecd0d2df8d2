"""Which paths the answer may read: the Python runtime and the system libraries, never a forbidden path.

Landlock rules are additive (a directory allowed is allowed with all beneath it), so a runtime directory that
holds a forbidden one (site-packages holding an installed copy of the checker) is replaced by its entries,
less the forbidden ones, as deep as needed. A runtime directory inside a forbidden one (a virtualenv inside
a forbidden checkout) stays readable: the answer's late imports (``numpy.fft`` loads lazily) need it.
"""

from __future__ import annotations

import functools
import os
import site
import sys
import sysconfig

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYSTEM_PATHS = ("/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/local/lib", "/etc/ld.so.cache")
DEVICES_READ = ("/dev/zero", "/dev/urandom", "/dev/random")
MAX_DEPTH = 8


def runtime_roots() -> list[str]:
    """The interpreter's prefixes, its stdlib and site-packages, numpy's home and the system libraries."""
    roots = [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix]
    paths = sysconfig.get_paths()
    roots += [paths[k] for k in ("stdlib", "platstdlib", "purelib", "platlib") if k in paths]
    if hasattr(site, "getsitepackages"):
        roots += site.getsitepackages()
    numpy = sys.modules.get("numpy")
    if numpy is not None and getattr(numpy, "__file__", None):
        roots.append(os.path.dirname(os.path.dirname(numpy.__file__)))
    return roots + list(SYSTEM_PATHS)


def default_forbidden() -> list[str]:
    """The checker's package, the reference solutions beside it, and any installed copy of either."""
    found = [PACKAGE_DIR, os.path.join(os.path.dirname(PACKAGE_DIR), "solutions")]
    package = os.path.basename(PACKAGE_DIR)
    for directory in (site.getsitepackages() if hasattr(site, "getsitepackages") else []):
        found.append(os.path.join(directory, package))
    return found


def _inside(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)


def _expand(path: str, forbidden: list[str], depth: int, out: list[str]) -> None:
    if path in forbidden:
        return
    if not any(_inside(f, path) for f in forbidden):
        out.append(path)
        return
    if depth >= MAX_DEPTH:
        return
    try:
        entries = sorted(os.scandir(path), key=lambda entry: entry.name)
    except OSError:  # not a directory, or unreadable
        return
    for entry in entries:  # scandir: no stat of an entry that is not a link (site-packages has hundreds)
        _expand(os.path.realpath(entry.path) if entry.is_symlink() else entry.path, forbidden, depth + 1, out)


def readable_paths(forbidden: list[str]) -> list[str]:
    """The real paths to allow for reading and execution, none of them forbidden or above a forbidden one.

    Input: forbidden, paths that must stay unreadable. Output: a deduplicated list of existing real paths.
    """
    return list(_readable_paths(tuple(forbidden)))


@functools.lru_cache(maxsize=8)
def _readable_paths(forbidden: tuple) -> tuple:
    # Cached: a warm process that forks one child per check works this out once.
    forbidden_real = [os.path.realpath(f) for f in forbidden if os.path.exists(f)]
    roots = sorted({os.path.realpath(root) for root in runtime_roots()}, key=len)
    out: list[str] = []
    for index, root in enumerate(roots):
        # A root inside an earlier one is covered by that one's expansion (a venv's site-packages).
        if os.path.exists(root) and not any(_inside(root, r) for r in roots[:index]):
            _expand(root, forbidden_real, 0, out)
    kept: set[str] = set()
    for path in sorted(set(out), key=len):
        if not any(parent in kept for parent in _ancestors(path)):
            kept.add(path)
    return tuple(sorted(kept, key=len))


def _ancestors(path: str) -> list[str]:
    parts = path.rstrip(os.sep).split(os.sep)
    return [os.sep.join(parts[:n]) or os.sep for n in range(1, len(parts))]
