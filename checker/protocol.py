"""The wire format between the checker and the child process that runs user code.

Everything that crosses the process boundary is first turned into a tree of plain builtins (None,
bools, ints, floats, strings, bytes, lists, dicts with string keys) by :func:`encode`, then written in a
small explicit binary format of our own (:func:`dumps`). Its reader (:func:`loads`) consumes each byte
once, builds nothing but those builtins and refuses anything else, so what the child sends can make the
parent neither import nor run anything, nor spend more than time linear in the record's size: there is
no reference to an earlier object, so shared structure cannot multiply. :func:`decode` in the parent
type-checks every node (array dtypes and shapes included). Any malformed record is a
:class:`ChannelError`, and nothing else.

This module is imported by the child before the user's code, so it keeps its own references
to the numpy functions it needs: a user module that monkey-patches numpy cannot change how
values are encoded.
"""

from __future__ import annotations

import gc
import importlib
import re
import struct
from typing import Any

import numpy as np

from .arguments import Output, Rng
from .text import inert

_ndarray = np.ndarray
_generic = np.generic
def _dtype(text: str) -> np.dtype:
    """The dtype a string names; a ChannelError for one numpy refuses (``<i3``, ``<m8[abc]``)."""
    try:
        return np.dtype(text)
    except (TypeError, ValueError):
        raise ChannelError(f"an unknown dtype {inert(text[:20])!r}") from None
_frombuffer = np.frombuffer
_ascontiguousarray = np.ascontiguousarray

_PRIMITIVES = (type(None), bool, int, float, str)
_default_rng = np.random.default_rng

MiB = 2**20
RECORD_LIMIT = 64 * MiB  # one record; an honest result is far smaller
STREAM_LIMIT = 64 * MiB  # everything the child sends in one check
MAX_DEPTH = 400  # nesting of the wire tree (encode stops at 50 levels of the value, three wire levels each)
MAX_INT_BYTES = 512
MAX_NODES = 200_000  # values in one check's results: an honest one sends arrays, a handful of nodes each
MAX_DIMS = 32
# Kinds of array the parent accepts: booleans, integers, floats, complex, strings, dates and durations.
_DTYPE = re.compile(r"[<>|=]?[biufcSUmM]\d{1,3}(\[[a-zA-Z]{1,3}\])?")


class ChannelError(ValueError):
    """What the child sent is not a well-formed record: the answer's process wrote something else."""


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
        obj: Any = _kept_modules.get(module_name) or importlib.import_module(module_name)
        for part in qualname.split("."):
            obj = getattr(obj, part)
        return obj


# In the child, the checker's own modules are hidden from the answer's imports (see _child); the
# drivers and function references still resolve through this private table.
_kept_modules: dict = {}


def keep_modules(modules: dict) -> None:
    _kept_modules.update(modules)


_TYPE_NAME = type.__dict__["__qualname__"].__get__
_TYPE_MODULE = type.__dict__["__module__"].__get__  # type's own descriptors: a metaclass cannot stand in
_view = _ndarray.view
_generic_dtype = _generic.__dict__["dtype"].__get__ if "dtype" in _generic.__dict__ else None


def class_name(kind: type) -> str:
    """module.qualname of a class, read without running anything of the class's (no metaclass property)."""
    module, name = _TYPE_MODULE(kind), _TYPE_NAME(kind)
    return f"{module if type(module) is str else '?'}.{name if type(name) is str else '?'}"


def encode(value: Any, _depth: int = 0, shared=None) -> list:
    """Turn a value into a tree of builtins that :func:`dumps` can write.

    Nothing of the value's own code runs (in the child it is the answer's): types are compared exactly or
    with issubclass, a subclass of a container or an array is read through its base class's methods, and
    anything else is named, never asked. shared: the parent's checker.shared_inputs.SharedInputs, where the
    calls' arrays go instead of the tree (then an array is only its place: dtype, shape and offset)."""
    if _depth > 50:
        return ["O", "deeply nested object", ""]
    kind = type(value)
    if kind is int and value.bit_length() > 8 * MAX_INT_BYTES - 8:
        return ["O", f"int of {value.bit_length()} bits", ""]
    if kind in _PRIMITIVES:
        return ["P", value]
    if kind is complex:
        return ["C", value.real, value.imag]
    if kind is Rng:
        return ["G", int(value.seed)]
    if kind is Output:
        return ["R", value.function, value.case, list(value.path)]
    if issubclass(kind, _ndarray):
        array = value if kind is _ndarray else _view(value, _ndarray)  # a subclass's methods never run
        dtype = array.dtype
        if dtype.hasobject or dtype.fields is not None or dtype.subdtype is not None:
            return ["O", f"numpy array of dtype {dtype}", ""]
        # ascontiguousarray turns 0-d into 1-D, so the shape is taken from the value itself.
        data = _ascontiguousarray(array)
        if shared is not None and shared.available:
            return ["M", data.dtype.str, list(array.shape), shared.place(data)]
        return ["A", data.dtype.str, list(array.shape), data.tobytes()]
    if issubclass(kind, _generic):
        if _TYPE_MODULE(kind) != "numpy" or _generic_dtype is None:
            return ["O", class_name(kind), ""]  # a numpy scalar type of the answer's own
        dtype = _generic_dtype(value)
        if dtype.hasobject or dtype.fields is not None:
            return ["O", "numpy object scalar", ""]
        return ["S", dtype.str, _generic.tobytes(value)]
    # Subclasses (a namedtuple, an OrderedDict, a defaultdict) travel as the plain container.
    if issubclass(kind, tuple):
        return ["T", [encode(v, _depth + 1, shared) for v in tuple.__iter__(value)]]
    if issubclass(kind, list):
        return ["L", [encode(v, _depth + 1, shared) for v in list.__iter__(value)]]
    if issubclass(kind, dict):
        return ["D", [[encode(k, _depth + 1), encode(v, _depth + 1, shared)] for k, v in dict.items(value)]]
    if kind is FunctionRef:
        return ["F", value.target]
    return ["O", class_name(kind), object.__repr__(value)[:200]]


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise ChannelError(what)


def _text(value: Any, what: str) -> str:
    _expect(type(value) is str, f"{what} is not a string")
    return inert(value)


def _array_header(tree: list, data_type: type) -> tuple:
    """(dtype, shape, element count) of an array node, every field checked."""
    _expect(len(tree) == 4 and type(tree[1]) is str and type(tree[2]) is list and type(tree[3]) is data_type,
            "a malformed array")
    _expect(_DTYPE.fullmatch(tree[1]) is not None, f"an array of a refused dtype {inert(tree[1][:20])!r}")
    shape = tree[2]
    _expect(len(shape) <= MAX_DIMS and all(type(n) is int and 0 <= n < 2**40 for n in shape), "a malformed shape")
    dtype = _dtype(tree[1])
    size = 1
    for n in shape:
        size *= max(n, 1)  # the dimensions but the empty ones still have to fit in memory
    _expect(dtype.itemsize > 0 and size * dtype.itemsize <= RECORD_LIMIT, "an array larger than the limit")
    return dtype, tuple(shape), 0 if 0 in shape else size


def _array(tree: list) -> np.ndarray:
    dtype, shape, count = _array_header(tree, bytes)
    _expect(len(tree[3]) == count * dtype.itemsize, "an array whose data does not match its shape")
    return _frombuffer(tree[3], dtype=dtype, count=count).reshape(shape).copy()


def _shared_array(tree: list, shared) -> Any:
    """An array that lies in the shared input file: in the child a view of its mapping (``shared`` a buffer),
    in the parent what the file holds now (``shared`` the SharedInputs it wrote)."""
    _expect(shared is not None, "an array in shared memory, which only the parent's own calls hold")
    dtype, shape, count = _array_header(tree, int)
    offset = tree[3]
    if hasattr(shared, "read_back"):  # the parent's SharedInputs (the child's is a plain buffer)
        return shared.read_back(offset, dtype, shape)
    _expect(0 <= offset and offset + count * dtype.itemsize <= len(shared), "an array outside the shared file")
    return _frombuffer(shared, dtype=dtype, count=count, offset=offset).reshape(shape)


def decode(tree: list, resolve_functions: bool = False, outputs: dict | None = None, shared=None) -> Any:
    """The inverse of :func:`encode`; arrays come back writable and owned (but for a shared array in the
    child: a writable view of the shared file, so that a change in place shows there).

    In the child (``resolve_functions``), an Rng becomes a Generator and an Output the value an
    earlier call returned (``outputs``: {(function, case label): value}); a missing one is a LookupError.
    In the parent, every node is checked and its text made inert; anything malformed is a ChannelError.
    """
    _expect(type(tree) is list and len(tree) >= 2 and type(tree[0]) is str, "a malformed value")
    tag = tree[0]
    if tag == "P":
        _expect(len(tree) == 2 and type(tree[1]) in _PRIMITIVES, "a malformed plain value")
        return tree[1] if resolve_functions or type(tree[1]) is not str else inert(tree[1])
    if tag == "C":
        _expect(len(tree) == 3 and type(tree[1]) is float and type(tree[2]) is float, "a malformed complex")
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
        return _array(tree)
    if tag == "M":
        return _shared_array(tree, shared)
    if tag == "S":
        _expect(len(tree) == 3 and type(tree[1]) is str and type(tree[2]) is bytes, "a malformed scalar")
        _expect(_DTYPE.fullmatch(tree[1]) is not None, "a scalar of a refused dtype")
        dtype = _dtype(tree[1])
        _expect(dtype.itemsize > 0 and len(tree[2]) == dtype.itemsize, "a scalar whose data does not match")
        try:
            return _frombuffer(tree[2], dtype=dtype)[0]
        except Exception:  # bytes that are no value of that dtype (a code point past U+10FFFF)
            raise ChannelError("a scalar whose data is no value of its dtype") from None
    if tag in ("T", "L", "D"):
        _expect(len(tree) == 2 and type(tree[1]) is list, "a malformed container")
        if tag == "T":
            return tuple(decode(v, resolve_functions, outputs, shared) for v in tree[1])
        if tag == "L":
            return [decode(v, resolve_functions, outputs, shared) for v in tree[1]]
        _expect(all(type(p) is list and len(p) == 2 for p in tree[1]), "a malformed dict")
        pairs = [(decode(k, resolve_functions, outputs), decode(v, resolve_functions, outputs, shared))
                 for k, v in tree[1]]
        try:
            return dict(pairs)  # every key is one of ours (a builtin, a numpy scalar, an Opaque): no user hash
        except TypeError:  # a key that is a list or an array
            raise ChannelError("an unhashable dict key") from None
    if tag == "F":
        _expect(len(tree) == 2 and type(tree[1]) is str, "a malformed function reference")
        ref = FunctionRef(tree[1])
        return ref.resolve() if resolve_functions else ref
    if tag == "O":
        _expect(len(tree) == 3, "a malformed opaque value")
        return Opaque(_text(tree[1], "a type name"), _text(tree[2], "a description"))
    raise ChannelError(f"unknown tag {inert(tag[:20])!r} in the child's message")


# The binary format: one byte of tag, then for ints, strings, bytes, lists and dicts a 4-byte length.
_U32 = struct.Struct("<I")
_F64 = struct.Struct("<d")


def _write(value: Any, out: list, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ValueError("nested too deep to send")
    kind = type(value)
    if value is None:
        out.append(b"N")
    elif kind is bool:
        out.append(b"T" if value else b"F")
    elif kind is int:
        data = value.to_bytes((value.bit_length() + 8) // 8, "little", signed=True)
        if len(data) > MAX_INT_BYTES:
            raise ValueError("an int too large to send")
        out += [b"i", _U32.pack(len(data)), data]
    elif kind is float:
        out += [b"f", _F64.pack(value)]
    elif kind is str:
        data = value.encode("utf-8", "surrogatepass")  # a lone surrogate travels; the parent escapes it
        out += [b"s", _U32.pack(len(data)), data]
    elif kind is bytes:
        out += [b"b", _U32.pack(len(value)), value]
    elif kind is list or kind is tuple:
        out += [b"l", _U32.pack(len(value))]
        for item in value:
            _write(item, out, depth + 1)
    elif kind is dict:
        out += [b"d", _U32.pack(len(value))]
        for key, item in value.items():
            if type(key) is not str:
                raise ValueError("a record's keys are strings")
            _write(key, out, depth + 1)
            _write(item, out, depth + 1)
    else:
        raise ValueError(f"cannot send a {kind.__name__}")


def dumps(tree: Any) -> bytes:
    """A tree of builtins as bytes (tuples are written as lists)."""
    out: list = []
    _write(tree, out, 0)
    return b"".join(out)


class _Reader:
    """Reads one record; every step consumes at least one byte, so the work is linear in its size."""

    def __init__(self, data: bytes, budget: list):
        self.data, self.position, self.budget = data, 0, budget

    def take(self, count: int) -> bytes:
        end = self.position + count
        _expect(end <= len(self.data), "a record cut short")
        piece, self.position = self.data[self.position:end], end
        return piece

    def length(self) -> int:
        (count,) = _U32.unpack(self.take(4))
        _expect(count <= len(self.data) - self.position, "a length beyond the record's end")
        return count

    def value(self, depth: int) -> Any:
        _expect(depth <= MAX_DEPTH, "a record nested too deep")
        self.budget[0] -= 1
        _expect(self.budget[0] >= 0, f"more than {MAX_NODES:,} values in one check's results")
        tag = self.take(1)
        if tag == b"N":
            return None
        if tag in (b"T", b"F"):
            return tag == b"T"
        if tag == b"i":
            count = self.length()
            _expect(count <= MAX_INT_BYTES, "an int too large")
            return int.from_bytes(self.take(count), "little", signed=True)
        if tag == b"f":
            return _F64.unpack(self.take(8))[0]
        if tag == b"s":
            try:
                return self.take(self.length()).decode("utf-8", "surrogatepass")
            except UnicodeDecodeError:
                raise ChannelError("a string that is not UTF-8") from None
        if tag == b"b":
            return self.take(self.length())
        if tag == b"l":
            return [self.value(depth + 1) for _ in range(self.length())]
        if tag == b"d":
            found = {}
            for _ in range(self.length()):
                key = self.value(depth + 1)
                _expect(type(key) is str, "a record key that is not a string")
                found[key] = self.value(depth + 1)
            return found
        raise ChannelError(f"an unknown type byte {tag!r}")


def loads(data: bytes, budget: list | None = None) -> Any:
    """The tree :func:`dumps` wrote; anything else (cut, padded, too deep, too large) is a ChannelError.

    budget: [how many values may still be read], shared by the records of one stream (MAX_NODES unless
    given), so that a stream of millions of empty lists is refused before it fills memory."""
    _expect(type(data) is bytes, "a record that is not bytes")
    _expect(len(data) <= RECORD_LIMIT, f"a record of {len(data) / MiB:.0f} MB, over the limit")
    reader = _Reader(data, [MAX_NODES] if budget is None else budget)
    collecting = gc.isenabled()
    gc.disable()  # millions of new containers would have the collector rescan them all, again and again
    try:
        tree = reader.value(0)
    finally:
        if collecting:
            gc.enable()
    _expect(reader.position == len(data), "bytes after the end of a record")
    return tree


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


def source_line(path: str | None, lineno: int | None, limit: int = 300) -> str:
    """Line ``lineno`` of a file, at most ``limit`` characters, for pointing at the user's code
    ("" when it cannot be read)."""
    if not path or not isinstance(lineno, int) or lineno <= 0:
        return ""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, text in enumerate(handle, start=1):
                if number == lineno:
                    return text.rstrip("\n")[:limit + 1]
    except (OSError, ValueError):
        pass
    return ""
