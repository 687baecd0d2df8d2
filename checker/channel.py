"""The parent's reading of the child's channel: bounded in size, checked field by field, in order.

The child runs the answer, so whatever arrives on its channel may have been written by the answer: a record
of the wrong shape, a field of the wrong type, a record out of its place, a gigabyte. Nothing here trusts
it. :class:`ChannelBuffer` holds what is read up to a limit (the reader stops and ends the child past it);
:class:`Records` takes the records one at a time, checks each against what the child sends and when, and
raises :class:`~checker.protocol.ChannelError` for anything else. Every string from the child is made inert
(:func:`checker.text.inert`) here, at the boundary.
"""

from __future__ import annotations

import math
import struct

from . import protocol
from .protocol import ChannelError, MiB
from .text import inert

FAULT_KINDS = frozenset({"syntax_error", "import_error", "exception", "exit", "missing_function", "timeout",
                         "crashed", "forbidden_import"})
_LENGTH = struct.Struct("<Q")
MAX_WARNINGS = 20
MAX_RECORDS = 100_000  # a check sends one per call, and a few more


class ChannelBuffer:
    """The bytes of the channel, refused past ``limit`` in all or ``record_limit`` in one record.

    feed(chunk) -> bool: False once the buffer refuses more (the reader stops reading and ends the child).
    data() -> bytes: what was kept; :func:`stream_problem` tells from it alone whether a limit was passed.
    """

    def __init__(self, limit: int = protocol.STREAM_LIMIT, record_limit: int = protocol.RECORD_LIMIT):
        self.limit, self.record_limit = limit, record_limit
        self._data = bytearray()
        self._next_header = 0
        self.records = 0
        self.full = False

    def feed(self, chunk: bytes) -> bool:
        if self.full:
            return False
        room = self.limit + 1 - len(self._data)  # one byte over the limit marks the stream as too long
        self._data += chunk[:room]
        self.full = len(chunk) >= room
        while not self.full and len(self._data) >= self._next_header + _LENGTH.size:
            (length,) = _LENGTH.unpack_from(self._data, self._next_header)
            self.records += 1
            self.full = length > self.record_limit or length == 0 or self.records > MAX_RECORDS
            self._next_header += _LENGTH.size + length
        return not self.full

    def data(self) -> bytes:
        return bytes(self._data)


def stream_problem(stream: bytes, limit: int = protocol.STREAM_LIMIT,
                   record_limit: int = protocol.RECORD_LIMIT) -> str:
    """Why the stream was refused ("" when it was not): too long, or a record announced too large."""
    if len(stream) > limit:
        return f"sent more than {limit // MiB} MB of results"
    position, records = 0, 0
    while position + _LENGTH.size <= len(stream):
        (length,) = _LENGTH.unpack_from(stream, position)
        if length > record_limit:
            return f"sent a result of {length / MiB:,.0f} MB, more than the {record_limit // MiB} MB a check accepts"
        if length == 0:
            return "sent an empty record, which the checker never writes"
        records += 1
        if records > MAX_RECORDS:
            return f"sent more than {MAX_RECORDS:,} records"
        position += _LENGTH.size + length
    return ""


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise ChannelError(what)


def _field(record: dict, name: str, kinds: tuple, default=None):
    value = record.get(name, default)
    _expect(type(value) in kinds, f"the field {name!r} has the wrong type")  # exact: a bool is no int here
    return value


def _optional_int(record: dict, name: str) -> int | None:
    value = record.get(name)
    _expect(value is None or type(value) is int, f"the field {name!r} has the wrong type")
    return value if value is None or 0 <= value < 2**31 else None


def fault_fields(record) -> dict:
    """The keyword arguments of a Fault, from a fault record; strings made inert."""
    _expect(type(record) is dict, "a fault that is not a record")
    kind = record.get("kind")
    _expect(kind in FAULT_KINDS, "a fault of an unknown kind")
    file = record.get("file")
    _expect(file is None or type(file) is str, "the field 'file' has the wrong type")
    return {"kind": kind, "message": inert(_field(record, "message", (str,), ""), keep_newlines=True),
            "type": inert(_field(record, "type", (str,), "")), "file": None if file is None else inert(file),
            "line": _optional_int(record, "line"), "code": inert(_field(record, "code", (str,), "")),
            "offset": _optional_int(record, "offset"), "function": inert(_field(record, "function", (str,), ""))}


def _isolation(record: dict) -> dict:
    pieces = _field(record, "pieces", (dict,))
    found = {}
    for piece, status in pieces.items():
        _expect(type(status) is dict, "an isolation piece that is not a record")
        found[inert(piece)] = {"state": inert(_field(status, "state", (str,))),
                               "in_force": _field(status, "in_force", (bool,)),
                               "detail": inert(_field(status, "detail", (str,), ""))}
    return found


def _names(value, what: str) -> list[str]:
    _expect(type(value) is list and all(type(n) is str for n in value), f"{what} are not strings")
    return [inert(n) for n in value]


def _parameters(record: dict) -> dict:
    found = {}
    for name, signature in _field(record, "parameters", (dict,)).items():
        _expect(type(signature) is dict, "a signature that is not a record")
        defaults = _field(signature, "defaults", (list,), [])
        _expect(all(type(d) is list and len(d) == 2 and type(d[0]) is str for d in defaults), "malformed defaults")
        found[inert(name)] = {"names": _names(signature.get("names"), "parameter names"),
                              "keyword_only": _names(signature.get("keyword_only", []), "parameter names"),
                              "defaults": {inert(n): protocol.decode(v) for n, v in defaults}}
    return found


def _warnings(value) -> list:
    _expect(type(value) is list, "warnings that are not a list")
    found = []
    for warning in value[:MAX_WARNINGS]:
        _expect(type(warning) is list and len(warning) == 4, "a malformed warning")
        category, message, in_user_file, line = warning
        _expect(type(category) is str and type(message) is str and type(in_user_file) is bool
                and (line is None or type(line) is int), "a malformed warning")
        found.append([inert(category), inert(message), in_user_file, line])
    return found


def call_fields(record: dict) -> dict:
    """The keyword arguments of a CallOutcome, from a call record; every value decoded and checked."""
    ok = _field(record, "ok", (bool,))
    inputs = _field(record, "inputs_after", (list,), [])
    pairs = _field(record, "kwargs_after", (list,), [])
    _expect(all(type(p) is list and len(p) == 2 and type(p[0]) is str for p in pairs), "malformed keywords")
    seconds = _field(record, "seconds", (float, int), 0.0)
    _expect(math.isfinite(seconds) and seconds >= 0, "a call's time is not a duration")
    return {"value": protocol.decode(record.get("value")) if ok else None,
            "fault": None if ok else fault_fields(record.get("fault")),
            "inputs_after": [protocol.decode(a) for a in inputs] or None,
            "kwargs_after": {inert(k): protocol.decode(v) for k, v in pairs},
            "warnings": _warnings(record.get("warnings", [])), "seconds": float(seconds)}


class Records:
    """What the child reported, record by record, in the only order it sends them:

    isolation (at most once) · imported or import_fault · call 0, 1, 2, … · done.
    take(record) raises ChannelError for a record of the wrong shape or out of its place.
    """

    def __init__(self):
        self.pieces: dict = {}
        self.isolated = False
        self.parameters: dict = {}
        self.calls: list[dict] = []  # call_fields of each call, in order
        self.import_fault: dict | None = None  # fault_fields
        self.phase = "start"  # start → imported → done (or start → done with an import fault)

    @property
    def imported(self) -> bool:
        """Whether the child got past the import (calls may have run since)."""
        return self.phase == "imported" or (self.phase == "done" and self.import_fault is None)

    def take(self, record) -> None:
        _expect(type(record) is dict, "a record that is not a dict")
        event = record.get("event")
        if event == "isolation":
            _expect(self.phase == "start" and not self.isolated, "an isolation record out of place")
            self.pieces, self.isolated = _isolation(record), True
        elif event == "imported":
            _expect(self.phase == "start", "an 'imported' record out of place")
            self.parameters, self.phase = _parameters(record), "imported"
        elif event == "import_fault":
            _expect(self.phase == "start", "an 'import_fault' record out of place")
            self.import_fault, self.phase = fault_fields(record.get("fault")), "done"
        elif event == "call":
            _expect(self.phase == "imported" and record.get("index") == len(self.calls), "a call record out of place")
            self.calls.append(call_fields(record))
        elif event == "done":
            _expect(self.phase == "imported", "a 'done' record out of place")
            self.phase = "done"
        else:
            raise ChannelError("a record of an unknown kind")
