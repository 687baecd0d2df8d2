"""The progress store: upgrades of older stores, WAL, damaged and locked files, export and import."""
import json
import os
import sqlite3
import subprocess
import sys
import threading

import pytest

from checker import catalog, cli, progress

KATA = "relu_backward"


def kata(*args, home, env=None, input_text=None):
    """``python -m checker ARGS`` with its own workspace, a clock (``env={"KATA_NOW": ...}``), plain text."""
    full_env = {**os.environ, "KATA_HOME": str(home), "TZ": "UTC", **(env or {})}
    full_env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True,
                          env=full_env, input=input_text, timeout=60)


def result(passed: bool, kata_name: str = KATA, seed: int = 0) -> dict:
    """What a check returns, as far as the store reads it."""
    checks = [{"name": "dx matches finite differences", "passed": passed, "skipped": False}]
    diagnoses = [] if passed else [{"code": "wrong_gradient"}]
    return {"kata": kata_name, "passed": passed, "seed": seed, "seconds": 0.1, "checks": checks,
            "diagnoses": diagnoses}


def legacy_store(home) -> None:
    """A store as kata 0.1 wrote it: no user_version, a table of hint counters."""
    home.mkdir(parents=True)
    db = sqlite3.connect(home / progress.STORE_NAME)
    db.executescript(progress.SCHEMA_V1)
    db.executemany("INSERT INTO attempts (kata, at, passed, seed, seconds, codes) VALUES (?, ?, ?, ?, ?, ?)",
                   [(KATA, 100.0, 0, 1, 0.2, "sign_flip"), (KATA, 200.0, 1, 2, 0.2, ""),
                    ("softmax", 300.0, 0, 3, 0.2, "wrong_axis")])
    db.execute("INSERT INTO hints (kata, shown) VALUES ('softmax', 2)")
    db.commit()
    db.close()


def test_an_older_store_is_upgraded_in_place(workspace):
    legacy_store(workspace)
    history = progress.history()
    assert history[KATA]["attempts"] == 2 and history[KATA]["passed"]
    assert history[KATA]["ratings"] == [(200.0, progress.GOOD)]  # passed after a failed check
    assert history["softmax"]["open_round"] and history["softmax"]["hints"] == 2
    assert progress.next_hint_index("softmax") == 2, "the hints already seen are remembered"
    db = sqlite3.connect(workspace / progress.STORE_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == progress.SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT name FROM sqlite_master WHERE name = 'hints'").fetchone() is None


def test_a_fresh_store_is_at_the_current_version(workspace):
    assert progress.record_check(result(True))
    db = sqlite3.connect(workspace / progress.STORE_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == progress.SCHEMA_VERSION


def test_a_damaged_store_is_moved_aside_and_begun_again(workspace, capsys):
    workspace.mkdir(parents=True)
    (workspace / progress.STORE_NAME).write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    assert progress.record_check(result(True))
    assert progress.history()[KATA]["passed"]
    kept = list(workspace.glob(progress.STORE_NAME + ".damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")
    assert "damaged" in capsys.readouterr().err


def test_a_store_of_a_newer_kata_is_left_alone(workspace, capsys):
    workspace.mkdir(parents=True)
    db = sqlite3.connect(workspace / progress.STORE_NAME)
    db.execute("PRAGMA user_version = 99")
    db.close()
    assert progress.record_check(result(True)) is False
    assert "newer kata" in capsys.readouterr().err
    assert sqlite3.connect(workspace / progress.STORE_NAME).execute("PRAGMA user_version").fetchone()[0] == 99


def hold_lock(path, seconds: float | None = None):
    """Another process's write transaction on the store, until ``release`` is set (or ``seconds`` pass)."""
    ready, release = threading.Event(), threading.Event()

    def hold():
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("BEGIN EXCLUSIVE")
        ready.set()
        release.wait(seconds)
        db.execute("ROLLBACK")
        db.close()
    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait()
    return release, thread


def test_a_briefly_locked_store_is_retried(workspace, monkeypatch):
    monkeypatch.setattr(progress, "BUSY_SECONDS", 0.2)
    progress.record_check(result(False))
    _, holder = hold_lock(workspace / progress.STORE_NAME, seconds=0.3)
    assert progress.record_check(result(True))
    holder.join()
    assert progress.history()[KATA]["attempts"] == 2


def test_a_locked_store_never_costs_the_verdict(workspace, monkeypatch, capsys):
    monkeypatch.setattr(progress, "BUSY_SECONDS", 0.1)
    progress.record_check(result(False))
    workspace.joinpath(f"{KATA}.py").write_bytes(catalog.solution_path(catalog.get(KATA)).read_bytes())
    release, holder = hold_lock(workspace / progress.STORE_NAME)
    try:
        assert cli.main(["check", KATA]) == 0
    finally:
        release.set()
        holder.join()
    out, err = capsys.readouterr()
    assert "checks passed" in out and "locked" in err and "verdict stands" in err
    assert progress.history()[KATA]["attempts"] == 1


def test_two_writers_at_once_lose_nothing(workspace):
    progress.record_check(result(False))
    writers = [threading.Thread(target=lambda: [progress.record_check(result(False)) for _ in range(15)])
               for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert progress.history()[KATA]["attempts"] == 31


def test_export_then_import_moves_everything(workspace, tmp_path, monkeypatch):
    monkeypatch.setenv("KATA_NOW", "1000")
    progress.open_round(KATA)
    progress.record_check(result(False))
    progress.next_hint_index(KATA)
    monkeypatch.setenv("KATA_NOW", "2000")
    progress.record_check(result(True))
    progress.reveal_solution("softmax")
    before = progress.history()
    exported = tmp_path / "progress.json"
    exported.write_text(json.dumps(progress.export_data()))

    monkeypatch.setenv("KATA_HOME", str(tmp_path / "elsewhere"))
    assert progress.import_data(json.loads(exported.read_text()))["attempts"] == 2
    assert progress.history() == before
    assert set(progress.import_data(json.loads(exported.read_text())).values()) == {0}, "a second import adds nothing"


def test_export_and_import_through_the_command(workspace, tmp_path, monkeypatch):
    kata("start", KATA, home=workspace)
    exported = tmp_path / "moved.json"
    done = kata("progress", "--export", str(exported), home=workspace)
    assert done.returncode == 0, done.stderr
    assert json.loads(exported.read_text())["format"] == "kata-progress"
    other = tmp_path / "other"
    assert kata("progress", "--import", str(exported), home=other).returncode == 0
    monkeypatch.setenv("KATA_HOME", str(other))
    assert [row["kata"] for row in progress.export_data()["rounds"]] == [KATA]


@pytest.mark.parametrize("content", ["{not json", json.dumps({"format": "something else"}), None])
def test_importing_what_is_not_an_export_is_a_usage_error(workspace, tmp_path, content, capsys):
    source = tmp_path / "wrong.json"
    if content is not None:
        source.write_text(content)
    assert cli.main(["progress", "--import", str(source)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
