"""The wire format between the checker and the child process that runs user code.

Everything that crosses the process boundary is turned into a tree of plain builtins
(lists, strings, numbers, bytes) before it is pickled, and the parent unpickles with an
unpickler that refuses every global. So nothing the child sends can make the parent import
or run anything: a returned object of a user-defined class arrives as a description of it.

This module is imported by the child before the user's code, so it keeps its own references
to the numpy functions it needs: a user module that monkey-patches numpy cannot change how
values are encoded.
"""

from __future__ import annotations

import importlib
import io
import pickle
import struct
from typing import Any

import numpy as np

from .spec import Output, Rng

_ndarray = np.ndarray
_generic = np.generic
_dtype = np.dtype
_frombuffer = np.frombuffer
_ascontiguousarray = np.ascontiguousarray

_PRIMITIVES = (type(None), bool, int, float, str)
_default_rng = np.random.default_rng


class Opaque:
    """A value the child could not send as data (a user-defined object, a module, ...)."""

    def __init__(self, type_name: str, text: str):
        self.type_name = type_name
        self.text = text

    def __repr__(self) -> str:
        return f"<{self.type_name}>"


class FunctionRef:
    """A module-level function passed to user code by reference (``"module:qualname"``)."""

    def __init__(self, target: str):
        self.target = target

    def resolve(self):
        module_name, _, qualname = self.target.partition(":")
        obj: Any = importlib.import_module(module_name)
        for part in qualname.split("."):
            obj = getattr(obj, part)
        return obj


def encode(value: Any, _depth: int = 0) -> list:
    """Turn a value into a tree of builtins that a global-free unpickler can read."""
    if _depth > 50:
        return ["O", "deeply nested object", ""]
    kind = type(value)
    if kind in _PRIMITIVES:
        return ["P", value]
    if kind is complex:  # pickles by reference to a global, which the parent refuses to load
        return ["C", value.real, value.imag]
    if kind is Rng:
        return ["G", int(value.seed)]
    if kind is Output:
        return ["R", value.function, value.case, list(value.path)]
    if isinstance(value, _ndarray):
        if value.dtype.hasobject or value.dtype.fields is not None:
            return ["O", f"numpy array of dtype {value.dtype}", ""]
        # ascontiguousarray turns 0-d into 1-D, so the shape is taken from the value itself.
        data = _ascontiguousarray(value)
        return ["A", data.dtype.str, list(value.shape), data.tobytes()]
    if isinstance(value, _generic):
        if value.dtype.hasobject:
            return ["O", "numpy object scalar", ""]
        return ["S", value.dtype.str, value.tobytes()]
    # Subclasses (a namedtuple, an OrderedDict, a defaultdict) travel as the plain container.
    if isinstance(value, tuple):
        return ["T", [encode(v, _depth + 1) for v in tuple.__iter__(value)]]
    if isinstance(value, list):
        return ["L", [encode(v, _depth + 1) for v in list.__iter__(value)]]
    if isinstance(value, dict):
        return ["D", [[encode(k, _depth + 1), encode(v, _depth + 1)] for k, v in dict.items(value)]]
    if isinstance(value, FunctionRef):
        return ["F", value.target]
    try:
        text = object.__repr__(value)
    except Exception:  # pragma: no cover - object.__repr__ does not fail in practice
        text = ""
    return ["O", f"{kind.__module__}.{kind.__qualname__}", text[:200]]


def decode(tree: list, resolve_functions: bool = False, outputs: dict | None = None) -> Any:
    """The inverse of :func:`encode`; arrays come back writable and owned.

    In the child (``resolve_functions``), an Rng becomes a Generator and an Output the value an
    earlier call returned (``outputs``: {(function, case label): value}).
    """
    tag = tree[0]
    if tag == "P":
        return tree[1]
    if tag == "C":
        return complex(tree[1], tree[2])
    if tag in ("G", "R"):
        if not resolve_functions:
            return Opaque("argument", "")
        if tag == "G":
            return _default_rng(tree[1])
        value = (outputs or {})[(tree[1], tree[2])]
        for key in tree[3]:
            if not isinstance(value, (tuple, list, dict)):  # not an array's rows: the structure is wrong
                raise LookupError("the earlier result has another structure")
            value = value[key]
        return value
    if tag == "A":
        dtype, shape, data = _dtype(tree[1]), tuple(tree[2]), tree[3]
        return _frombuffer(data, dtype=dtype).reshape(shape).copy()
    if tag == "S":
        return _frombuffer(tree[2], dtype=_dtype(tree[1]))[0]
    if tag == "T":
        return tuple(decode(v, resolve_functions, outputs) for v in tree[1])
    if tag == "L":
        return [decode(v, resolve_functions, outputs) for v in tree[1]]
    if tag == "D":
        return {decode(k, resolve_functions, outputs): decode(v, resolve_functions, outputs) for k, v in tree[1]}
    if tag == "F":
        ref = FunctionRef(tree[1])
        return ref.resolve() if resolve_functions else ref
    if tag == "O":
        return Opaque(tree[1], tree[2])
    raise ValueError(f"unknown tag {tag!r} in the child's message")


class _NoGlobalsUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"refused to load {module}.{name} from the child")


def dumps(tree: Any) -> bytes:
    return pickle.dumps(tree, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> Any:
    return _NoGlobalsUnpickler(io.BytesIO(data)).load()


_LENGTH = struct.Struct("<Q")


def frame(payload: bytes) -> bytes:
    """A length-prefixed record, so that a stream cut by a kill still parses up to the cut."""
    return _LENGTH.pack(len(payload)) + payload


def unframe(stream: bytes) -> list[bytes]:
    records, position = [], 0
    while position + _LENGTH.size <= len(stream):
        (length,) = _LENGTH.unpack_from(stream, position)
        start = position + _LENGTH.size
        if start + length > len(stream):
            break
        records.append(stream[start:start + length])
        position = start + length
    return records


def source_line(path: str | None, lineno: int | None) -> str:
    """Line ``lineno`` of a file, for pointing at the user's code ("" when it cannot be read)."""
    if not path or not lineno:
        return ""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, text in enumerate(handle, start=1):
                if number == lineno:
                    return text.rstrip("\n")
    except OSError:
        pass
    return ""
