"""The isolation of the answer's process, tried from a real isolated child per test (forked: a few tenths of
a second each)."""

import faulthandler
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from checker import isolation
from checker.commands import doctor
from checker.isolation import _paths, probe
from conftest import TESTS, VERDICTS

ROOT = TESTS.parent

LINUX = sys.platform.startswith("linux")
pytestmark = pytest.mark.skipif(not LINUX, reason="the isolation pieces tried here are Linux's")
needs_landlock = pytest.mark.skipif(isolation.landlock_abi() < 6, reason="needs Landlock ABI 6 (Linux 6.12)")


@pytest.fixture
def place(tmp_path):
    """A workspace with another attempt and the answer, a scratch directory, and a path outside both."""
    workspace, scratch = tmp_path / "workspace", tmp_path / "scratch"
    workspace.mkdir()
    scratch.mkdir()
    (workspace / "other_attempt.py").write_text("SECRET = 42\n")
    (workspace / "answer.py").write_text("def f(x):\n    return x\n")
    return {"workspace": workspace, "scratch": scratch, "answer": workspace / "answer.py",
            "secret": workspace / "other_attempt.py", "outside": tmp_path / "outside.txt"}


def policy_for(place, **changes) -> isolation.Policy:
    return isolation.Policy(scratch=str(place["scratch"]), answer=str(place["answer"]), **changes)


def attempt(action) -> str:
    """'ok', or the name of the error `action` raised."""
    try:
        action()
    except Exception as exc:
        return type(exc).__name__
    return "ok"


@needs_landlock
def test_reads_only_the_runtime_the_answer_and_scratch(place):
    checker_source = os.path.join(_paths.PACKAGE_DIR, "spec.py")

    def target():
        return {"secret": attempt(lambda: open(place["secret"]).read()),
                "listing": attempt(lambda: os.listdir(place["workspace"])),
                "checker": attempt(lambda: open(checker_source).read()),
                "answer": open(place["answer"]).read(),
                "outside": attempt(lambda: open(place["outside"], "w").write("x")),
                "scratch": attempt(lambda: open("notes.txt", "w").write("mine")),
                "cwd": os.getcwd()}

    run = probe.run_in_child(target, policy_for(place))
    assert run.error is None and run.statuses["filesystem"]["in_force"]
    seen = run.value
    assert seen["secret"] == seen["listing"] == seen["checker"] == seen["outside"] == "PermissionError"
    assert seen["answer"].startswith("def f(x)")
    assert seen["scratch"] == "ok" and seen["cwd"] == str(place["scratch"])
    # On a tmpfs of the child's own, what it wrote is gone with it; on the plain directory it stays.
    assert (place["scratch"] / "notes.txt").exists() != run.statuses["scratch_space"]["in_force"]
    assert not place["outside"].exists()


@needs_landlock
def test_numpy_and_a_late_standard_import_still_work(place):
    late = next(m for m in probe.LATE_IMPORTS if m not in sys.modules)

    def target():
        module = __import__(late)
        a = np.arange(12.0).reshape(3, 4)
        return {"module": module.__name__, "norm": float(np.linalg.norm(a @ a.T)),
                "fft": float(np.fft.fft(a)[0, 0].real)}

    run = probe.run_in_child(target, policy_for(place))
    a = np.arange(12.0).reshape(3, 4)
    assert run.error is None
    assert run.value == {"module": late, "norm": float(np.linalg.norm(a @ a.T)), "fft": float(a[0].sum())}


@needs_landlock
def test_cannot_signal_its_parent_or_the_checker(place):
    received = []
    previous = signal.signal(signal.SIGUSR1, lambda *_: received.append(1))
    checker_pid = os.getpid()
    try:
        run = probe.run_in_child(lambda: {"parent": attempt(lambda: os.kill(os.getppid(), signal.SIGUSR1)),
                                          "checker": attempt(lambda: os.kill(checker_pid, signal.SIGUSR1))},
                                 policy_for(place))
        time.sleep(0.05)
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert run.value["parent"] == "PermissionError"
    assert run.value["checker"] in ("PermissionError", "ProcessLookupError")
    assert received == [] and run.returncode == 0


@needs_landlock
@pytest.mark.parametrize("refuse", [frozenset(), frozenset({"sockets", "network"})])  # then Landlock alone
def test_cannot_connect_to_a_listening_loopback_port_or_unix_socket(place, refuse):
    path = str(place["workspace"] / "service.sock")
    with socket.create_server(("127.0.0.1", 0)) as server, socket.socket(socket.AF_UNIX) as unix:
        unix.bind(path)
        unix.listen()
        port = server.getsockname()[1]
        run = probe.run_in_child(lambda: probe.probe_sockets({"tcp_port": port, "udp_port": port, "unix_path": path,
                                                              "abstract": "\0kata-test"}),
                                 policy_for(place, refuse=refuse))
        server.setblocking(False)
        with pytest.raises(BlockingIOError):
            server.accept()
        unix.setblocking(False)
        reached = attempt(lambda: unix.accept()[0].close()) == "ok"
    assert run.value["tcp"][0], run.value["tcp"][1]
    # A unix socket by path: Landlock (to ABI 7) has no rule for it, only the seccomp piece stops it.
    assert run.value["sockets"][0] == (not refuse) and reached == bool(refuse)


def _leave_setsid_grandchild_and(then):
    def target():
        if os.fork() == 0:
            os.setsid()
            time.sleep(30)
            os._exit(0)
        return then()
    return target


# Where seccomp refuses new processes, the answer cannot fork at all; these try the process tree on its own
# (the fallback on a kernel without seccomp), with that piece refused.
FORKS = frozenset({"new_processes"})


def test_a_setsid_grandchild_does_not_outlive_the_check(place):
    run = probe.run_in_child(_leave_setsid_grandchild_and(lambda: "done"), policy_for(place, refuse=FORKS),
                             linger=1.0)
    assert run.value == "done" and run.tree_gone and run.seconds < 2


def test_no_process_can_be_started_but_threads_and_blas_run(place):
    def target():
        def thread_runs():
            found = []
            worker = threading.Thread(target=lambda: found.append(1))
            worker.start()
            worker.join()
            return found == [1]
        forked = attempt(os.fork)
        spawned = attempt(lambda: subprocess.run(["true"]))
        product = float((np.ones((300, 300)) @ np.ones((300, 300)))[0, 0])
        return {"fork": forked, "subprocess": spawned, "thread": thread_runs(), "blas": product}

    run = probe.run_in_child(target, policy_for(place))
    assert run.statuses["new_processes"]["in_force"]
    assert run.value == {"fork": "OSError", "subprocess": "OSError", "thread": True, "blas": 300.0}


def test_a_timeout_stops_the_whole_tree_within_a_second(place):
    def spin():
        while True:
            pass

    run = probe.run_in_child(_leave_setsid_grandchild_and(spin), policy_for(place, refuse=FORKS), timeout=0.5,
                             linger=1.0)
    assert run.tree_gone and run.seconds < 0.5 + 1.0
    assert run.returncode == -signal.SIGKILL


def _segfault():
    faulthandler.disable()  # the test runner's handler would print its own stack
    os.kill(os.getpid(), signal.SIGSEGV)


@pytest.mark.parametrize("ending, expected", [(lambda: os._exit(7), 7), (_segfault, -signal.SIGSEGV)])
def test_the_child_ends_as_the_answers_process_did(place, ending, expected):
    run = probe.run_in_child(ending, policy_for(place))
    assert run.returncode == expected and run.tree_gone


def test_memory_beyond_the_limit_is_a_memory_error(place):
    def target():
        small = np.ones(2**20).sum()
        return {"small": float(small), "large": attempt(lambda: np.ones(2**27))}  # 1 GiB of float64

    run = probe.run_in_child(target, policy_for(place, memory=512 * 2**20))
    assert run.value == {"small": 2.0**20, "large": "MemoryError"}
    assert run.statuses["memory"]["in_force"]


def test_refused_pieces_are_reported_and_the_check_still_runs(place, monkeypatch):
    monkeypatch.setenv(isolation.REFUSE_VARIABLE, "filesystem,network")
    policy = policy_for(place, refuse=frozenset({"process_tree"}) | FORKS)
    run = probe.run_in_child(_leave_setsid_grandchild_and(
        lambda: {"secret": open(place["secret"]).read(), "sum": float(np.arange(4.0).sum())}), policy)
    assert run.value == {"secret": "SECRET = 42\n", "sum": 6.0}  # readable now: the status says so
    for piece in ("filesystem", "network"):
        assert run.statuses[piece]["state"] == "off" and "refused" in run.statuses[piece]["detail"]
    assert run.statuses["process_tree"]["state"] == "partial"
    assert run.tree_gone  # the subreaper fallback still takes the setsid() grandchild down


def test_a_forbidden_directory_inside_a_runtime_directory_is_cut_out(tmp_path):
    root = tmp_path / "site-packages"
    for name in ("numpy", "checker/_bundled/solutions", "checker/_bundled/katas", "rich"):
        (root / name).mkdir(parents=True)
    out = []
    _paths._expand(str(root), [str(root / "checker")], 0, out)
    assert sorted(out) == [str(root / "numpy"), str(root / "rich")]
    out = []
    _paths._expand(str(root), [str(root / "checker" / "_bundled" / "solutions")], 0, out)
    assert sorted(out) == sorted(str(root / p) for p in ("checker/_bundled/katas", "numpy", "rich"))
    for path in _paths.readable_paths(isolation.default_forbidden()):
        assert not path.startswith(_paths.PACKAGE_DIR) and not _paths.PACKAGE_DIR.startswith(path)


def test_doctor_tries_every_piece_and_says_what_holds(capsys):
    assert doctor.run(type("Args", (), {"json": True})()) == 0
    found = json.loads(capsys.readouterr().out)
    assert set(found["pieces"]) == set(isolation.PIECES)
    if isolation.landlock_abi() >= 6 and os.path.exists("/proc/self/ns/user"):
        assert found["full"], {n: p for n, p in found["pieces"].items() if p["verdict"] != "held"}
    else:
        assert not found["full"]
        assert all(p["detail"] for p in found["pieces"].values() if p["verdict"] != "held")


LATE_IMPORTS_SCRIPT = """
import contextlib, io, sys
from checker import cli, engine
loaded = []
real_session = engine.sandbox.Session
def session(*args, **kwargs):
    loaded.append(set(sys.modules))
    return real_session(*args, **kwargs)
engine.sandbox.Session = session
with contextlib.redirect_stdout(io.StringIO()):
    cli.main(["check", "relu_backward", "--file", sys.argv[1], "--seed", "1"])
print(sorted(set(sys.modules) - loaded[0]))
"""


def test_where_the_answer_could_write_anywhere_nothing_is_imported_after_it_runs(tmp_path):
    """Without Landlock the answer could rewrite a module the parent imports later: then the parent imports
    all it needs before the child starts (with Landlock it imports them meanwhile, for speed)."""
    env = dict(os.environ, KATA_ISOLATION_REFUSE="filesystem", KATA_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", LATE_IMPORTS_SCRIPT, str(VERDICTS / "sign_flip.py")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]", "imported once the answer ran: " + done.stdout
