"""In the child, before the answer is imported: what it may not import (the checker, the reference solutions,
an autograd framework), refused by every route, with a message that says why.

Loaded by the child's runtime (checker/_child.py) and, ahead of time, by the warm server, which works out
once which of its loaded modules are ours (classify_loaded_modules).
"""

from __future__ import annotations

import builtins
import functools
import importlib
import os
import sys
import types

from checker import isolation, protocol

# What an answer may not import: the checker, the reference solutions, anything that differentiates for it.
FORBIDDEN_IMPORTS = frozenset({
    "checker", "solutions", "torch", "torchvision", "functorch", "jax", "jaxlib", "flax", "optax", "equinox",
    "haiku", "tensorflow", "keras", "tf_keras", "autograd", "mxnet", "paddle", "mindspore", "chainer", "theano",
    "pytensor", "tinygrad", "micrograd", "oneflow", "sympy",
})
_forbidden_paths: list = []  # the checker's and the solutions' folders, for a read the kernel refused


class ForbiddenImport(ModuleNotFoundError):
    """An import a kata answer may not make (a ModuleNotFoundError, as if the module were not there)."""


def _refusal(name: str) -> ForbiddenImport:
    top = name.partition(".")[0]
    if top == "solutions":
        what = "the reference solutions"
    elif top in FORBIDDEN_IMPORTS - {"checker"}:
        what = f"{top}, which computes gradients for you"
    else:
        what = "the checker's own code"
    return ForbiddenImport(f"a kata answer may not import {name} ({what}): the point is to write the backward "
                           f"yourself, with numpy and the standard library", name=name)


class _ForbiddenFinder:
    """First on sys.meta_path: refuses a forbidden module before any finder looks for it."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.partition(".")[0] in FORBIDDEN_IMPORTS:
            raise _refusal(name)
        return None


class _HiddenModule(types.ModuleType):
    """Stands in sys.modules for a module of ours the answer may not reach: any use of it is refused."""

    def __getattribute__(self, attribute):
        if attribute == "__class__":
            return types.ModuleType
        raise _refusal(types.ModuleType.__getattribute__(self, "__name__"))

    def __setattr__(self, attribute, value):
        raise _refusal(types.ModuleType.__getattribute__(self, "__name__"))

    __delattr__ = __setattr__


def forbid_imports() -> None:
    """From here on, the answer's imports of a forbidden module fail, whatever the route (an import
    statement, __import__, importlib, sys.modules): the modules of ours already loaded stay usable by the
    drivers (through protocol's private table) and by this module's own references."""
    ours = [(name, module) for name, module in list(sys.modules.items()) if _is_ours(name, module)]
    protocol.keep_modules(dict(ours))
    for name, _ in ours:
        sys.modules[name] = _HiddenModule(name)
    sys.meta_path.insert(0, _ForbiddenFinder)
    importlib.invalidate_caches()
    builtins.__import__ = _guarded_import  # an import statement finds a hidden module without asking a finder


_classified: dict = {}  # (name, id(module)) -> whether it is ours: worked out once in the warm process


def classify_loaded_modules() -> None:
    """Works out which loaded modules are forbidden ahead of time (the warm process, before it forks), so
    that a child only looks at the modules it loaded since."""
    for name, module in list(sys.modules.items()):
        _is_ours(name, module)


@functools.lru_cache(maxsize=None)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)  # a few dozen folders hold the hundreds of loaded modules


def _is_ours(name: str, module) -> bool:
    key = (name, id(module))
    if key not in _classified:
        if not _forbidden_paths:
            _forbidden_paths[:] = [os.path.realpath(p) for p in isolation.default_forbidden()]
        try:
            file = module.__file__ if isinstance(module.__file__, str) else "/"
        except Exception:  # a builtin module, or an object that is not a module
            file = "/"
        where = os.path.join(_real_folder(os.path.dirname(file)), os.path.basename(file))
        _classified[key] = (name.partition(".")[0] in FORBIDDEN_IMPORTS
                            or any(_inside(where, p) for p in _forbidden_paths))
    return _classified[key]


_real_import = builtins.__import__


def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and isinstance(name, str) and name.partition(".")[0] in FORBIDDEN_IMPORTS:
        raise _refusal(name)
    return _real_import(name, globals, locals, fromlist, level)


def _inside(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)


def is_forbidden(exc: BaseException) -> bool:
    """An import we refused, a way into this process we refused, or a read of the checker's files the
    kernel refused."""
    if isinstance(exc, (ForbiddenImport, ForbiddenReflection)):
        return True
    filename = getattr(exc, "filename", None) if isinstance(exc, PermissionError) else None
    return isinstance(filename, str) and any(_inside(os.path.realpath(filename), p) for p in _forbidden_paths)


# While the answer's code runs, the ways into the rest of its process are refused: the stack (a frame's
# f_globals is a module of ours), the collector's view of every object, tracing, and raw memory (ctypes).
# Without them the answer cannot reach the child's own functions to make them report what it likes.
_REFLECTION = frozenset({"sys._getframe", "sys._current_frames", "sys.settrace", "sys.setprofile",
                         "gc.get_objects", "gc.get_referrers", "gc.get_referents"})
_FRAME_ATTRIBUTES = frozenset({"tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_back"})
_guarding = [False]
_builtins_as_they_were: dict = {}


class ForbiddenReflection(ValueError):
    """A way into the checker's own process that a kata answer may not take. A ValueError: the standard
    library's own uses of the stack (namedtuple, enum, typing naming a module) expect one and go without."""


def _audit(event: str, args: tuple) -> None:
    if not _guarding[0]:
        return
    if (event in _REFLECTION or event.startswith("ctypes.")
            or (event == "object.__getattr__" and len(args) > 1 and args[1] in _FRAME_ATTRIBUTES)):
        raise ForbiddenReflection(f"a kata answer may not use {event} (it reaches into the checker's own "
                                  f"process): the point is to write the backward yourself")


def guard_answer() -> None:
    """Arms the audit hook (once) and remembers builtins as they are: called before the answer's code runs."""
    if not _builtins_as_they_were:
        sys.addaudithook(_audit)
        _builtins_as_they_were.update(builtins.__dict__)
    _guarding[0] = True


def unguard() -> None:
    """The answer's code has returned: builtins are ours again (a patched builtins.type would run its code in
    ours), and this process's own code may look at frames."""
    _guarding[0] = False
    names = builtins.__dict__
    if names != _builtins_as_they_were:
        names.clear()
        names.update(_builtins_as_they_were)
