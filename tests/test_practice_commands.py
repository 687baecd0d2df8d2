"""kata list's filters and due column, kata open, kata completion: through a subprocess."""
import json
import re
import subprocess
import sys

from checker import catalog, cli
from test_practice_schedule import DAY, START, practise
from test_practice_store import kata

KATA = "relu_backward"


def test_list_filters_and_due_column(workspace, monkeypatch, capsys):
    practise(monkeypatch, KATA, START, "easy")
    practise(monkeypatch, "softmax", START, "good")
    workspace.joinpath("sigmoid.py").write_text("# started\n")
    later = {"KATA_NOW": str(START + 30 * DAY)}
    due = kata("list", "--due", "--json", home=workspace, env=later)
    assert due.returncode == 0 and [r["kata"] for r in json.loads(due.stdout)] == [KATA, "softmax"]
    monkeypatch.setenv("KATA_NOW", later["KATA_NOW"])
    assert cli.main(["list", "--topic", "activations"]) == 0
    table = capsys.readouterr().out
    assert table.split()[:7] == ["kata", "difficulty", "after", "status", "due", "task", "activations"]
    assert re.search(rf"^\s+{KATA}\s+easy\s+\S+\s+passed\s+due\s", table, re.M)
    assert "sigmoid" in table and "cross_entropy" not in table
    monkeypatch.setenv("KATA_NOW", str(START + DAY))
    assert cli.main(["list", "--status", "attempted", "--json"]) == 0
    assert [r["kata"] for r in json.loads(capsys.readouterr().out)] == ["sigmoid"]
    assert cli.main(["list", "--status", "passed", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["kata"] for r in rows] == [KATA, "softmax"] and not any(r["is_due"] for r in rows)
    assert cli.main(["list", "--topic", "astrology"]) == 2
    assert "activations" in capsys.readouterr().err


def test_open_runs_the_editor_on_the_attempt(workspace, tmp_path):
    seen = tmp_path / "seen.txt"
    editor = tmp_path / "editor.py"
    editor.write_text(f"import sys, pathlib\npathlib.Path({str(seen)!r}).write_text(sys.argv[1])\n")
    done = kata("open", KATA, home=workspace, env={"VISUAL": f"{sys.executable} {editor}"})
    assert done.returncode == 0, done.stderr
    attempt = workspace / f"{KATA}.py"
    assert seen.read_text() == str(attempt) and attempt.read_text() == catalog.stub_path(catalog.get(KATA)).read_text()

def test_open_without_an_editor_prints_the_path(workspace, monkeypatch, capsys):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    assert cli.main(["open", KATA]) == 0
    assert capsys.readouterr().out.strip().endswith(f"{KATA}.py")
    monkeypatch.setenv("VISUAL", "no-such-editor-anywhere")
    assert cli.main(["open", KATA]) == 2 and "no-such-editor-anywhere" in capsys.readouterr().err


def test_bash_completion_completes_commands_options_and_kata_names(tmp_path):
    script = tmp_path / "kata.bash"
    done = kata("completion", "bash", home=tmp_path)
    assert done.returncode == 0
    script.write_text(done.stdout)
    probe = f"""
source {script}
complete_words() {{ COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _shtab_kata; echo "${{COMPREPLY[*]}}"; }}
complete_words kata ne
complete_words kata check relu_b
complete_words kata list --st
"""
    lines = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=20).stdout.splitlines()
    assert lines == ["next", KATA, "--status"]


def test_zsh_and_fish_scripts_name_every_command_and_kata(capsys):
    for shell in ("zsh", "fish"):
        assert cli.main(["completion", shell]) == 0
        script = capsys.readouterr().out
        assert all(name in script for name in catalog.all_katas())
        assert all(command in script for command in cli.command_names())
