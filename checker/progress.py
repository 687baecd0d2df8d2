"""The progress store: every check of an attempt, its time and verdict, in sqlite in the workspace."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

from . import workspace

SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    kata TEXT NOT NULL,
    at REAL NOT NULL,
    passed INTEGER NOT NULL,
    seed INTEGER,
    seconds REAL,
    codes TEXT
);
CREATE TABLE IF NOT EXISTS hints (
    kata TEXT PRIMARY KEY,
    shown INTEGER NOT NULL
);
"""


def _connect() -> sqlite3.Connection:
    path: Path = workspace.home() / ".progress.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=5)
    connection.executescript(SCHEMA)
    return connection


def record_check(result: dict) -> bool:
    """Records a check; a store that cannot be written never costs the user their verdict."""
    codes = ",".join(d["code"] for d in result.get("diagnoses", []))
    try:
        with closing(_connect()) as db, db:
            db.execute("INSERT INTO attempts (kata, at, passed, seed, seconds, codes) VALUES (?, ?, ?, ?, ?, ?)",
                       (result["kata"], time.time(), int(result["passed"]), result["seed"], result["seconds"],
                        codes))
    except (sqlite3.Error, OSError):
        return False
    return True


def status_by_kata() -> dict[str, dict]:
    """{kata: {"attempts": n, "passed": bool, "last": timestamp}} for every kata checked so far."""
    try:
        with closing(_connect()) as db:
            rows = db.execute("SELECT kata, COUNT(*), MAX(passed), MAX(at) FROM attempts GROUP BY kata").fetchall()
    except (sqlite3.Error, OSError):
        return {}
    return {kata: {"attempts": n, "passed": bool(p), "last": last} for kata, n, p, last in rows}


def has_passed(kata: str) -> bool:
    return status_by_kata().get(kata, {}).get("passed", False)


def next_hint_index(kata: str) -> int:
    """How many hints were shown so far, then counts one more."""
    with closing(_connect()) as db, db:
        row = db.execute("SELECT shown FROM hints WHERE kata = ?", (kata,)).fetchone()
        shown = row[0] if row else 0
        db.execute("INSERT INTO hints (kata, shown) VALUES (?, ?) ON CONFLICT(kata) DO UPDATE SET shown = ?",
                   (kata, shown + 1, shown + 1))
    return shown


def reset_hints(kata: str) -> None:
    with closing(_connect()) as db, db:
        db.execute("DELETE FROM hints WHERE kata = ?", (kata,))
