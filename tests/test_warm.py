"""The warm path (a child forked from a warm process) gives the verdicts of the cold one (a fresh interpreter),
keeps each child fresh, leaves nothing running, and falls back to a fresh interpreter when its process dies."""
import os
import time

import numpy as np
import pytest

from checker import catalog, protocol, sandbox, warm
from checker.engine import check_file
from conftest import VERDICTS

pytestmark = pytest.mark.skipif(not warm.available(), reason="no fork or no descriptor passing here")
FIXTURES = ["segfault", "timeout", "sys_exit", "hard_exit", "endless_print", "passed"]
LEAVES_A_GRANDCHILD = """
import os, time

def relu_backward(dout, x):
    try:
        pid = os.fork()  # refused where seccomp is in force: then there is nothing to leave
    except OSError:
        pid = -1
    if pid == 0:
        os.setsid()
        time.sleep(60)
        os._exit(0)
    return dout * (x > 0)
"""
TIMEOUT = 1.5  # the cold path imports numpy within it, on a busy machine too


@pytest.fixture
def cold_starts(monkeypatch):
    """How many children were started in a fresh interpreter (the cold path) since the test began."""
    started = []
    start_child = sandbox._start_child

    def counting(*args):
        started.append(args)
        return start_child(*args)
    monkeypatch.setattr(sandbox, "_start_child", counting)
    return started


def check(name: str, seed: int = 3) -> dict:
    path = name if os.sep in name else str(VERDICTS / f"{name}.py")
    return check_file(catalog.get("relu_backward"), path, seed=seed, timeout=TIMEOUT)


def verdict(result: dict) -> tuple:
    first = result["diagnoses"][0] if result["diagnoses"] else {}
    isolation = {piece: status["in_force"] for piece, status in result["isolation"].items()}
    return (result["passed"], first.get("code"), first.get("message"), first.get("location"), result["output"],
            isolation)


def children_of(pid: int) -> list[int]:
    found = []
    for name in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                if int(handle.read().rsplit(b")", 1)[1].split()[1]) == pid:
                    found.append(int(name))
        except (OSError, IndexError):
            pass
    return found


@pytest.fixture(scope="module")
def cold_verdicts():
    os.environ["KATA_WARM"] = "0"
    try:
        return {name: verdict(check(name)) for name in FIXTURES}
    finally:
        del os.environ["KATA_WARM"]


@pytest.mark.parametrize("name", FIXTURES)
def test_the_warm_path_gives_the_cold_verdict(name, cold_verdicts, cold_starts):
    started = time.monotonic()
    result = check(name)
    assert time.monotonic() - started < TIMEOUT + 1.0, "never outlives its timeout by more than a second"
    assert cold_starts == [], "the check ran in a fresh interpreter, not in a fork of the warm process"
    assert verdict(result) == cold_verdicts[name]


def test_nothing_is_left_running_under_the_warm_process(tmp_path):
    answer = tmp_path / "leaves_a_grandchild.py"
    answer.write_text(LEAVES_A_GRANDCHILD)
    assert check(str(answer))["passed"]
    assert warm._server is not None
    warm.settle()  # the check returned once its results were in; the server reports the child's end after
    assert children_of(warm._server.process.pid) == []


def test_each_child_is_fresh():
    """What one answer does to its process (here: numpy patched) never reaches the next check's."""
    assert not check("monkeypatches_numpy")["passed"]
    assert check("passed")["passed"]


def test_a_dead_warm_process_falls_back_to_a_fresh_interpreter(cold_starts):
    check("passed")
    server = warm._server
    server.process.kill()
    server.process.wait()
    assert verdict(check("sys_exit"))[:2] == (False, "crashed")
    assert len(cold_starts) == 1, "the check after the warm process died ran in a fresh interpreter"
    assert check("passed")["passed"]
    assert len(cold_starts) == 1 and warm._server is not server, "then a new warm process took over"


def test_a_session_closed_unused_leaves_nothing_and_frees_the_warm_process():
    """A check that fails between starting its child and drawing its inputs ends that child."""
    session = sandbox.Session(str(VERDICTS / "passed.py"), preload=[], seed=1,
                              timeout=TIMEOUT)
    assert session.started is not None, "the child was forked before any call was drawn"
    private = session.private
    session.close()
    assert not os.path.exists(private)
    assert children_of(warm._server.process.pid) == []
    assert check("passed")["passed"], "the warm process serves the next check"


def test_a_call_naming_a_module_not_preloaded_runs_in_a_child_of_its_own(cold_starts, monkeypatch):
    """A session preloads its drivers' modules before the answer is imported; calls that name another one
    (a function reference drawn with the inputs) get a child that preloads it."""
    abandoned = []
    abandon = warm.abandon
    monkeypatch.setattr(warm, "abandon", lambda started: abandoned.append(started) or abandon(started))
    kata = catalog.get("numerical_gradient")
    reference = protocol.FunctionRef("checker.specs._numerical_gradient_child:cubic")
    session = sandbox.Session(str(catalog.solution_path(kata)), preload=[],
                              seed=1, timeout=10)
    run = session.run([sandbox.Call("numerical_gradient", (reference, np.linspace(-1.0, 1.0, 5)))])
    assert run.import_fault is None and run.outcomes[0].ok and cold_starts == []
    np.testing.assert_allclose(run.outcomes[0].value, np.linspace(-1.0, 1.0, 5) ** 2 + 1.0, rtol=1e-6)
    assert len(abandoned) == 1, "the first child could not have imported the function the call names"


def test_no_code_of_the_answers_runs_after_its_results_and_nothing_outlives_them():
    """An answer whose own sys.stdout would hang on flush (and ignore SIGTERM): the check passes on time, and
    once the server has reported its end, nothing of it runs, under the server or orphaned."""
    started = time.monotonic()
    assert check("runs_code_after_its_results")["passed"]
    warm.settle()
    assert time.monotonic() - started < TIMEOUT + 1.0
    assert children_of(warm._server.process.pid) == []
    assert check("passed")["passed"], "the next check of the same process is not held up"


def test_a_warm_process_that_dies_while_its_child_waits_for_its_calls_costs_nothing_but_time(cold_starts):
    check("passed")
    session = sandbox.Session(str(VERDICTS / "sign_flip.py"), preload=[], seed=3, timeout=TIMEOUT)
    server = warm._server
    server.process.kill()  # after it forked the child, before the calls are sent
    calls = [sandbox.Call("relu_backward", (np.ones((2, 3)), np.linspace(-1.0, 1.0, 6).reshape(2, 3)))]
    run = session.run(calls)  # the orphaned child answers, or (the server died first) a fresh interpreter does
    assert run.import_fault is None and run.outcomes[0].ok and len(cold_starts) <= 1, run
    np.testing.assert_array_equal(run.outcomes[0].value, -1.0 * (calls[0].args[1] > 0))
