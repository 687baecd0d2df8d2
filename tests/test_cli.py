"""The CLI contract, through a real subprocess: exit codes, --json, and the practice workflow."""
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from checker import catalog, cli
from conftest import KATA_NAMES, TESTS

KATA = "relu_backward"


def kata(*args, home=None, input_text=None):
    env = dict(os.environ)
    if home is not None:
        env["KATA_HOME"] = str(home)
    env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True,
                          env=env, input=input_text, timeout=120)


def test_help_lists_every_command(capsys):
    result = kata("--help")
    assert result.returncode == 0
    for command in cli.command_names():
        assert command in result.stdout
        # Each command's own help, in-process: argparse prints it and exits 0.
        with pytest.raises(SystemExit) as exited:
            cli.main([command, "--help"])
        assert exited.value.code == 0
        assert "usage: kata " + command in capsys.readouterr().out


def test_list_shows_every_kata_and_progress(workspace):
    result = kata("list", home=workspace)
    assert result.returncode == 0
    for name in KATA_NAMES:
        assert name in result.stdout
    assert "\x1b[" not in result.stdout, "plain text when not a terminal"
    kata("start", KATA, home=workspace)
    assert "attempted" in kata("list", home=workspace).stdout
    shutil.copy(catalog.solution_path(catalog.get(KATA)), workspace / f"{KATA}.py")
    assert kata("check", KATA, home=workspace).returncode == 0
    assert "passed" in kata("list", home=workspace).stdout


def test_show_prints_task_and_signature():
    result = kata("show", KATA)
    assert result.returncode == 0
    assert "def relu_backward(dout, x)" in result.stdout


def test_start_copies_the_stub_and_never_overwrites(workspace):
    result = kata("start", KATA, home=workspace)
    assert result.returncode == 0
    attempt = workspace / f"{KATA}.py"
    assert attempt.read_text() == catalog.stub_path(catalog.get(KATA)).read_text()
    attempt.write_text("# my work\n")
    again = kata("start", KATA, home=workspace)
    assert again.returncode == 1
    assert attempt.read_text() == "# my work\n"


def test_check_untouched_stub_fails_not_implemented(workspace):
    kata("start", KATA, home=workspace)
    result = kata("check", KATA, "--json", home=workspace)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["passed"] is False
    assert data["diagnoses"][0]["code"] == "not_implemented"


def test_check_json_contract_and_replay():
    solution = str(catalog.solution_path(catalog.get(KATA)))
    first = kata("check", KATA, "--file", solution, "--seed", "42", "--json")
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    assert {"kata", "passed", "seed", "checks", "diagnoses", "seconds"} <= data.keys()
    assert data["kata"] == KATA and data["passed"] is True and data["seed"] == 42
    assert all({"name", "passed", "max_rel_error"} <= row.keys() for row in data["checks"])
    again = json.loads(kata("check", KATA, "--file", solution, "--seed", "42", "--json").stdout)
    assert again["checks"] == data["checks"]


def test_failing_check_json_has_diagnoses():
    wrong = str(TESTS / "answers" / KATA / "wrong_local_derivative_only.py")
    result = kata("check", KATA, "--file", wrong, "--seed", "1", "--json")
    assert result.returncode == 1
    diagnosis = json.loads(result.stdout)["diagnoses"][0]
    assert diagnosis["code"] == "ignores_upstream" and diagnosis["message"] and diagnosis["worst"]


def test_failing_check_report_in_words():
    wrong = str(TESTS / "answers" / KATA / "wrong_local_derivative_only.py")
    result = kata("check", KATA, "--file", wrong, "--seed", "1")
    assert result.returncode == 1
    assert "ignores_upstream" in result.stdout and "replay: kata check relu_backward --seed 1" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_the_report_printed_ahead_is_the_report(monkeypatch):
    """The report that a process forked at the start prints (checker/report_ahead.py) is the one the command
    prints itself, once, with the same exit code; and the same when that process is gone."""
    wrong = str(TESTS / "answers" / KATA / "wrong_local_derivative_only.py")
    ahead = kata("check", KATA, "--file", wrong, "--seed", "1")
    monkeypatch.setenv("KATA_REPORT_AHEAD", "0")
    itself = kata("check", KATA, "--file", wrong, "--seed", "1")
    timing = re.compile(r"\d+\.\d+ s")
    assert ahead.returncode == itself.returncode == 1
    assert timing.sub("", ahead.stdout) == timing.sub("", itself.stdout)
    assert ahead.stdout.count("ignores_upstream") == 1


def test_a_report_process_that_died_leaves_the_report_to_the_command():
    from checker import report_ahead

    assert report_ahead.start() is None, "a process with numpy loaded renders itself: its fork would cost more"
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os._exit(1)  # a report process that failed before it rendered
    os.close(read_end)
    assert report_ahead.ReportAhead(pid, write_end).render({"kata": KATA}) is False


def test_user_fault_exits_1_without_our_traceback(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("def relu_backward(dout, x):\n    return undefined_name\n")
    result = kata("check", KATA, "--file", str(broken))
    assert result.returncode == 1
    assert "NameError" in result.stdout and "Traceback" not in result.stdout + result.stderr


def test_timeout_option(tmp_path):
    slow = tmp_path / "slow.py"
    slow.write_text("def relu_backward(dout, x):\n    while True:\n        pass\n")
    result = kata("check", KATA, "--file", str(slow), "--timeout", "0.5", "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["diagnoses"][0]["code"] == "timeout"


def test_memory_option(tmp_path):
    hungry = tmp_path / "hungry.py"
    hungry.write_text("import numpy as np\n\ndef relu_backward(dout, x):\n    block = np.ones(2**26)  # 512 MiB\n"
                      "    return dout * (x > 0)\n")
    limited = kata("check", KATA, "--file", str(hungry), "--memory", "400M", "--json")
    assert limited.returncode == 1
    first = json.loads(limited.stdout)["diagnoses"][0]
    assert first["code"] == "exception" and "MemoryError" in first["message"]
    assert kata("check", KATA, "--file", str(hungry), "--memory", "2G").returncode == 0


@pytest.mark.parametrize("args", [
    ("check", "relu_bakward"),
    ("start", "softmx"),
    ("check", KATA, "--file", "no/such/file.py"),
    ("check",),
    ("check", KATA, "--timeout", "0"),
    ("check", KATA, "--memory", "lots"),
    ("check", KATA, "--memory", "1M"),
    ("watch", KATA, "--seed", "-1"),
    ("frobnicate",),
])
def test_usage_errors_exit_2(args, workspace):
    result = kata(*args, home=workspace)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_unknown_kata_suggests_the_closest_name():
    assert "relu_backward" in kata("check", "relu_bakward").stderr


def test_check_before_start_says_how_to_start(workspace):
    result = kata("check", KATA, home=workspace)
    assert result.returncode == 2 and f"kata start {KATA}" in result.stderr


def test_reset_archives_the_attempt(workspace):
    kata("start", KATA, home=workspace)
    attempt = workspace / f"{KATA}.py"
    attempt.write_text("# a day of work\n")
    result = kata("reset", KATA, home=workspace)
    assert result.returncode == 0
    assert attempt.read_text() == catalog.stub_path(catalog.get(KATA)).read_text()
    archived = list((workspace / ".archive").glob(f"{KATA}.*.py"))
    assert [p.read_text() for p in archived] == ["# a day of work\n"]


def test_hints_get_stronger_then_repeat_the_last(workspace):
    hints = catalog.get(KATA).hints
    shown = [kata("hint", KATA, home=workspace).stdout for _ in range(len(hints) + 1)]
    for number, (text, hint) in enumerate(zip(shown, hints), start=1):
        assert f"hint {number}/{len(hints)}" in text and hint[:30] in text
    assert f"hint {len(hints)}/{len(hints)}" in shown[-1]
    everything = kata("hint", KATA, "--all", home=workspace).stdout
    assert all(hint[:30] in everything for hint in hints)


def test_solution_asks_before_a_pass(workspace):
    refused = kata("solution", KATA, home=workspace, input_text="")
    assert refused.returncode == 1 and "def relu_backward" not in refused.stdout
    shown = kata("solution", KATA, "--yes", home=workspace)
    assert shown.returncode == 0 and "def relu_backward" in shown.stdout


def test_check_all(workspace):
    assert kata("check", "--all", home=workspace).returncode == 1  # nothing started
    kata("start", KATA, home=workspace)
    shutil.copy(catalog.solution_path(catalog.get(KATA)), workspace / f"{KATA}.py")
    result = kata("check", "--all", "--json", home=workspace)
    assert result.returncode == 0
    assert [r["kata"] for r in json.loads(result.stdout)["results"]] == [KATA]


def test_internal_error_exits_3(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug of ours")
    monkeypatch.setattr("checker.engine.check_file", broken)
    solution = str(catalog.solution_path(catalog.get(KATA)))
    assert cli.main(["check", KATA, "--file", solution]) == 3
    assert "bug in kata" in capsys.readouterr().err


def test_unwritable_workspace_is_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = kata("start", KATA, home=blocker / "practice")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "KATA_HOME" in result.stderr
