"""Property tests of what reads untrusted input: the channel's decoder, the report's renderer, the CLI's
option parsing. A small sample here; tests/fuzz_all.py runs thousands of examples of each."""
import io
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from checker import channel, protocol
from checker.cli import UsageError
from checker.commands.check import memory_option, seconds_option, seed_option
from checker.report import render_check

SAMPLE = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
CONTROL = set(range(0, 9)) | set(range(11, 32)) | {0x7F} | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))

leaves = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=True),
                   st.text(max_size=20), st.binary(max_size=20))
trees = st.recursive(leaves, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(st.text(max_size=5), inner, max_size=4)),
                     max_leaves=20)
any_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=400)


def read_all(data: bytes) -> None:
    """Everything the parent does with a record: parse it, check it, decode every value in it."""
    records = channel.Records()
    try:
        tree = protocol.loads(data)
        records.take({"event": "isolation", "pieces": {}})
        records.take({"event": "imported", "parameters": {}})
        if isinstance(tree, dict):
            records.take(dict(tree, event="call", index=0))
        protocol.decode(tree)
    except protocol.ChannelError:
        pass


def check_decoder(data: bytes) -> None:
    read_all(data)


def check_mutated(tree, flips: list) -> None:
    data = bytearray(protocol.dumps({"ok": True, "value": protocol.encode(tree), "seconds": 0.0}))
    for position, byte in flips:
        if data:
            data[position % len(data)] = byte
    read_all(bytes(data))


def check_render(message: str, kind: str, code: str, output: str) -> None:
    result = {"kata": "relu_backward", "file": message, "seed": 1, "seconds": 0.1, "passed": False,
              "checks": [{"name": message, "passed": False, "skipped": False, "max_rel_error": 0.5,
                          "detail": kind}],
              "diagnoses": [{"code": kind, "message": message, "explanation": output,
                             "location": {"file": kind, "line": 3, "code": code, "offset": 5},
                             "evidence": {"call": message}, "worst": []}],
              "output": output}
    buffer = io.StringIO()
    render_check(result, Console(file=buffer, width=120, no_color=True))
    text = buffer.getvalue()
    text.encode("utf-8")  # no lone surrogate reached the terminal
    assert not CONTROL & {ord(c) for c in text}


def check_options(text: str) -> None:
    within = {seed_option: lambda v: 0 <= v < 2**63, seconds_option: lambda v: 0 < v <= 3600,
              memory_option: lambda v: 256 * 2**20 <= v <= 2**40}
    for parse, holds in within.items():
        try:
            value = parse(text)
        except UsageError as exc:
            assert "\n" not in str(exc)
            continue
        assert value is not None and holds(value)


@SAMPLE
@given(st.binary(max_size=300))
def test_random_bytes_are_a_channel_error_or_a_record(data):
    check_decoder(data)


@SAMPLE
@given(trees, st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=4))
def test_mutated_records_are_a_channel_error_or_a_record(tree, flips):
    check_mutated(tree, flips)


@SAMPLE
@given(any_text, st.text(max_size=30), any_text, any_text)
def test_any_result_renders_inert(message, kind, code, output):
    check_render(message, kind, code, output)


@SAMPLE
@given(st.one_of(st.text(max_size=30), st.integers().map(str), st.floats().map(str)))
def test_options_are_a_value_or_one_line(text):
    check_options(text)


def test_values_survive_the_round_trip():
    value = {"a": [1, 2.5, None, True], "b": np.arange(6.0).reshape(2, 3), "c": (np.float32(2), 3 + 4j)}
    back = protocol.decode(protocol.loads(protocol.dumps(protocol.encode(value))))
    assert back["a"] == [1, 2.5, None, True] and back["c"][1] == 3 + 4j
    assert np.array_equal(back["b"], value["b"]) and back["b"].flags.writeable


def _seconds_to_read(data: bytes) -> float:
    started = time.perf_counter()
    try:
        protocol.loads(data)
    except protocol.ChannelError:
        pass
    return time.perf_counter() - started


def test_decoding_is_linear_in_the_bytes():
    """Ten times the bytes cost about ten times the time (a list nested past the limit, a flat list)."""
    for make in (lambda n: b"l\x01\x00\x00\x00" * n + b"N", lambda n: b"l" + n.to_bytes(4, "little") + b"N" * n):
        small, large = (min(_seconds_to_read(make(n)) for _ in range(3)) for n in (20_000, 200_000))
        assert large < 30 * small + 0.05, (small, large)


def test_shared_structure_cannot_be_expressed():
    """The pickle that shares one list 2**40 times is refused at its first byte."""
    import pickle
    shared = []
    for _ in range(40):
        shared = [shared, shared]
    with pytest.raises(protocol.ChannelError):
        protocol.loads(pickle.dumps(shared))


def test_a_stream_past_the_limit_is_refused_as_it_is_read():
    buffer = channel.ChannelBuffer(limit=1000, record_limit=100)
    assert buffer.feed(protocol.frame(b"N"))
    assert not buffer.feed((500).to_bytes(8, "little"))
    assert "more than" in channel.stream_problem(buffer.data(), limit=1000, record_limit=100)
