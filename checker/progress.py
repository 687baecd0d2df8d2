"""The progress store: every check, hint, revealed solution, practice round and mock interview, in sqlite.

One file in the workspace, in WAL mode so that a watch and a check can write at once. The schema has a
version (``PRAGMA user_version``) and every older store is upgraded in place when it is opened. A store
that cannot be used never costs the user a verdict: a damaged file is moved aside (with a message) and a
fresh store begun; a locked one is retried, then the write is skipped with a message.

A *round* is one go at a kata: it opens when the kata is started (``kata start``, ``kata next``, a reset
after a pass) and closes at its first pass, or when the solution is revealed. The closed round's rating
(FSRS: 1 Again, 2 Hard, 3 Good, 4 Easy) is what the scheduler learns from.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path

from . import workspace

STORE_NAME = ".progress.sqlite3"
SCHEMA_VERSION = 2
BUSY_SECONDS = 1.0  # sqlite waits this long for a lock, per try
TRIES = 3
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATING_NAMES = {AGAIN: "Again", HARD: "Hard", GOOD: "Good", EASY: "Easy"}

# Version 1 is the store as kata 0.1 wrote it (it never set user_version, so it reads as 0).
SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS attempts (id INTEGER PRIMARY KEY, kata TEXT NOT NULL, at REAL NOT NULL,
    passed INTEGER NOT NULL, seed INTEGER, seconds REAL, codes TEXT);
CREATE TABLE IF NOT EXISTS hints (kata TEXT PRIMARY KEY, shown INTEGER NOT NULL);
"""
SCHEMA_V2 = """
ALTER TABLE attempts ADD COLUMN failed_check TEXT;
ALTER TABLE attempts ADD COLUMN interview INTEGER;
CREATE INDEX attempts_by_kata ON attempts (kata, at);
CREATE TABLE events (id INTEGER PRIMARY KEY, kata TEXT NOT NULL, at REAL NOT NULL, kind TEXT NOT NULL);
CREATE TABLE rounds (id INTEGER PRIMARY KEY, kata TEXT NOT NULL, opened REAL NOT NULL, closed REAL,
    rating INTEGER);
CREATE TABLE interviews (id INTEGER PRIMARY KEY, started REAL NOT NULL, ends REAL NOT NULL, stopped REAL,
    plan TEXT NOT NULL, scorecard TEXT);
"""


class StoreUnusable(Exception):
    """The store exists but must not be touched (written by a newer kata)."""


# --- time ------------------------------------------------------------------------------------------

def now() -> float:
    """Seconds since the epoch; ``KATA_NOW`` (an ISO date or time, or epoch seconds) sets the clock."""
    fixed = os.environ.get("KATA_NOW")
    if not fixed:
        return time.time()
    try:
        return float(fixed)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(fixed).timestamp()
    except ValueError:
        from .cli import UsageError

        raise UsageError(f"KATA_NOW={fixed!r} is not a date or time (e.g. 2025-03-01T09:30)") from None


# --- opening, upgrading, and surviving the store -----------------------------------------------------

def store_path() -> Path:
    return workspace.home() / STORE_NAME


def _run_script(db: sqlite3.Connection, script: str) -> None:
    # Not executescript: it commits first, and a migration must be one transaction.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migrate_to_v1(db: sqlite3.Connection) -> None:
    _run_script(db, SCHEMA_V1)


def _migrate_to_v2(db: sqlite3.Connection) -> None:
    """Hints become events of the round; each kata's checks so far become its first round."""
    _run_script(db, SCHEMA_V2)
    db.execute("INSERT INTO rounds (kata, opened) SELECT kata, MIN(at) FROM attempts GROUP BY kata")
    for kata, shown in db.execute("SELECT kata, shown FROM hints").fetchall():
        opened = db.execute("SELECT MIN(opened) FROM rounds WHERE kata = ?", (kata,)).fetchone()[0] or 0.0
        db.executemany("INSERT INTO events (kata, at, kind) VALUES (?, ?, 'hint')", [(kata, opened)] * shown)
    db.execute("DROP TABLE hints")
    for round_id, kata, first_pass in db.execute(
            "SELECT r.id, r.kata, MIN(a.at) FROM rounds r JOIN attempts a ON a.kata = r.kata AND a.passed "
            "GROUP BY r.id").fetchall():
        _close_round(db, round_id, kata, first_pass)


MIGRATIONS = (_migrate_to_v1, _migrate_to_v2)  # MIGRATIONS[v] upgrades a store of version v


@contextmanager
def _transaction(db: sqlite3.Connection):
    db.execute("BEGIN IMMEDIATE")  # take the write lock now: two processes never interleave a change
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _open(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        # In WAL mode a commit at NORMAL cannot corrupt the store; only a power cut may lose the last checks.
        db.execute("PRAGMA synchronous=NORMAL")
        if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            with _transaction(db):
                version = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
                if version > SCHEMA_VERSION:
                    raise StoreUnusable("the progress store was written by a newer kata; upgrade kata")
                for migrate in MIGRATIONS[version:]:
                    migrate(db)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.close()
        raise
    return db


def _move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(path) + suffix)
        if source.exists():
            os.replace(source, Path(str(target) + suffix))
    return target


_said: set[str] = set()


def _say(message: str) -> None:
    """One line on stderr, once per process: the store's trouble is never the user's verdict."""
    if message not in _said:
        _said.add(message)
        print(f"kata: {message}", file=sys.stderr)


def _use(work, default, *, write: bool):
    """Runs ``work(db)`` (in one transaction if ``write``); ``default`` when the store cannot be used."""
    path = store_path()
    what = "recorded" if write else "read"
    for attempt in range(TRIES):
        try:
            with closing(_open(path)) as db:
                if not write:
                    return work(db)
                with _transaction(db):
                    return work(db)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                time.sleep(0.05 * (attempt + 1))
                continue
            _say(f"progress not {what}: {exc} ({path})")
            return default
        except sqlite3.DatabaseError as exc:
            if type(exc) is not sqlite3.DatabaseError:  # integrity and programming errors are bugs of ours
                raise
            moved = _move_aside(path)  # not a database, or a damaged one: keep it for the curious
            _say(f"the progress store was damaged ({exc}); it is kept as {moved.name} and a fresh one begun")
        except StoreUnusable as exc:
            _say(f"progress not {what}: {exc}")
            return default
        except OSError as exc:
            _say(f"progress not {what}: {exc.strerror or exc} ({path})")
            return default
    _say(f"progress not {what}: the store is locked by another kata (a watch?); your verdict stands")
    return default


# --- rounds and ratings -----------------------------------------------------------------------------

def _latest_round(db, kata: str):
    return db.execute("SELECT id, opened, closed FROM rounds WHERE kata = ? ORDER BY id DESC LIMIT 1",
                      (kata,)).fetchone()


def _open_round(db, kata: str, at: float, after_closed: bool = True):
    """The kata's unfinished round, opened at ``at`` if there is none (and, unless ``after_closed`` is
    False, also if the last one is closed). Returns (id, opened, closed)."""
    latest = _latest_round(db, kata)
    if latest is None or (after_closed and latest[2] is not None):
        db.execute("INSERT INTO rounds (kata, opened) VALUES (?, ?)", (kata, at))
        latest = _latest_round(db, kata)
    return latest


def rate(failed_checks: int, hints: int, solution: bool) -> int:
    """The FSRS rating of a round: a revealed solution is Again, hints Hard, failed checks Good, else Easy."""
    if solution:
        return AGAIN
    if hints:
        return HARD
    return GOOD if failed_checks else EASY


def _close_round(db, round_id: int, kata: str, at: float, rating: int | None = None) -> None:
    if rating is None:
        opened = db.execute("SELECT opened FROM rounds WHERE id = ?", (round_id,)).fetchone()[0]
        # A check of a stub still untouched (kata watch checks it at once) is not a failed try.
        failed = db.execute("SELECT COUNT(*) FROM attempts WHERE kata = ? AND at >= ? AND at <= ? AND NOT passed "
                            "AND interview IS NULL AND codes IS NOT 'not_implemented'",
                            (kata, opened, at)).fetchone()[0]
        hints = db.execute("SELECT COUNT(*) FROM events WHERE kata = ? AND kind = 'hint' AND at >= ? AND at <= ?",
                           (kata, opened, at)).fetchone()[0]
        rating = rate(failed, hints, solution=False)
    db.execute("UPDATE rounds SET closed = ?, rating = ? WHERE id = ?", (at, rating, round_id))


def open_round(kata: str, kind: str = "start") -> None:
    """A fresh go at ``kata`` (``kind``: start, reset or review); an unfinished round simply goes on."""
    def work(db):
        at = now()
        db.execute("INSERT INTO events (kata, at, kind) VALUES (?, ?, ?)", (kata, at, kind))
        _open_round(db, kata, at)
    _use(work, None, write=True)


def running_interview(expired: bool = False) -> dict | None:
    """The mock interview whose clock still runs (``expired``: one whose clock ran out and that nobody
    stopped yet), or None."""
    def work(db):
        row = db.execute(f"SELECT id, started, ends, plan FROM interviews WHERE stopped IS NULL AND ends "
                         f"{'<=' if expired else '>'} ? ORDER BY id DESC LIMIT 1", (now(),)).fetchone()
        return row and {"id": row[0], "started": row[1], "ends": row[2], **json.loads(row[3])}
    return _use(work, None, write=False)


def record_check(result: dict) -> bool:
    """Records a check; closes the kata's round at its first pass. False if the store could not be written."""
    failed = next((row["name"] for row in result.get("checks", []) if not row["passed"] and not row.get("skipped")),
                  None)
    codes = ",".join(d["code"] for d in result.get("diagnoses", []))
    interview = running_interview()
    in_interview = interview is not None and result["kata"] in interview["katas"]

    def work(db):
        at, kata = now(), result["kata"]
        db.execute("INSERT INTO attempts (kata, at, passed, seed, seconds, codes, failed_check, interview) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (kata, at, int(result["passed"]), result["seed"],
                                                       result["seconds"], codes, failed,
                                                       interview["id"] if in_interview else None))
        if in_interview:
            return True  # the interview's scorecard rates it when the clock stops
        latest = _open_round(db, kata, at, after_closed=False)  # checks after a pass are not a new round
        if result["passed"] and latest[2] is None:
            _close_round(db, latest[0], kata, at)
        return True
    return _use(work, False, write=True)


def next_hint_index(kata: str) -> int:
    """How many hints were shown in this round so far, then counts one more."""
    def work(db):
        since = _open_round(db, kata, now(), after_closed=False)[1]  # a hint before any check starts a round
        shown = db.execute("SELECT COUNT(*) FROM events WHERE kata = ? AND kind = 'hint' AND at >= ?",
                           (kata, since)).fetchone()[0]
        db.execute("INSERT INTO events (kata, at, kind) VALUES (?, ?, 'hint')", (kata, max(now(), since)))
        return shown
    return _use(work, 0, write=True)


def reveal_solution(kata: str) -> None:
    """The user saw the reference: an unfinished round (or one opened for it) closes as Again."""
    def work(db):
        at = now()
        db.execute("INSERT INTO events (kata, at, kind) VALUES (?, ?, 'solution')", (kata, at))
        latest = _open_round(db, kata, at, after_closed=False)
        if latest[2] is None:  # after a pass, comparing with the reference teaches, and costs nothing
            _close_round(db, latest[0], kata, at, AGAIN)
    _use(work, None, write=True)


# --- reading -----------------------------------------------------------------------------------------

def _history(db) -> dict[str, dict]:
    found: dict[str, dict] = {}

    def entry(kata):
        return found.setdefault(kata, {"attempts": 0, "passed": False, "last": None, "first": None,
                                       "first_pass": None, "hints": 0, "solutions": 0, "open_round": False,
                                       "ratings": []})
    for kata, n, passed, first, last, first_pass in db.execute(
            "SELECT kata, COUNT(*), MAX(passed), MIN(at), MAX(at), MIN(CASE WHEN passed THEN at END) "
            "FROM attempts GROUP BY kata"):
        entry(kata).update(attempts=n, passed=bool(passed), first=first, last=last, first_pass=first_pass)
    for kata, kind, n, first, last in db.execute(
            "SELECT kata, kind, COUNT(*), MIN(at), MAX(at) FROM events GROUP BY kata, kind"):
        record = entry(kata)
        if kind in ("hint", "solution"):
            record[kind + "s"] = n
        if kind == "start":
            record["first"] = min(first, record["first"] or first)
        record["last"] = max(last, record["last"] or last)
    for kata, closed, rating in db.execute("SELECT kata, closed, rating FROM rounds ORDER BY id"):
        entry(kata)["open_round"] = closed is None
        if rating is not None:
            entry(kata)["ratings"].append((closed, rating))
    return found


def history() -> dict[str, dict]:
    """{kata: {attempts, passed, first, last, first_pass, hints, solutions, open_round, ratings}} where
    times are epoch seconds and ``ratings`` lists (closed, rating) of every rated round, oldest first."""
    return _use(_history, {}, write=False)


def status_by_kata() -> dict[str, dict]:
    """{kata: {"attempts": n, "passed": bool, "last": timestamp, ...}} for every kata seen so far."""
    return history()


def has_passed(kata: str) -> bool:
    return status_by_kata().get(kata, {}).get("passed", False)


def practice_days() -> list[float]:
    """The time of every check, oldest first (for days practised and the streak)."""
    return _use(lambda db: [row[0] for row in db.execute("SELECT at FROM attempts ORDER BY at")], [], write=False)


def attempts_of(kata: str, since: float) -> list[dict]:
    def work(db):
        rows = db.execute("SELECT at, passed, codes, failed_check, interview FROM attempts WHERE kata = ? "
                          "AND at >= ? ORDER BY at, id", (kata, since))
        return [{"at": at, "passed": bool(p), "codes": codes, "failed_check": failed, "interview": interview}
                for at, p, codes, failed, interview in rows]
    return _use(work, [], write=False)


# --- mock interviews ---------------------------------------------------------------------------------

def start_interview(plan: dict, minutes: float) -> dict:
    """Starts the clock on ``plan`` ({"katas": [...], ...}); returns the interview as running_interview does."""
    def work(db):
        at = now()
        cursor = db.execute("INSERT INTO interviews (started, ends, plan) VALUES (?, ?, ?)",
                            (at, at + 60 * minutes, json.dumps(plan)))
        return {"id": cursor.lastrowid, "started": at, "ends": at + 60 * minutes, **plan}
    return _use(work, None, write=True)


def stop_interview(interview_id: int, at: float, scorecard: dict, ratings: dict[str, int]) -> None:
    """Ends an interview: its scorecard is kept and each kata tried gets a rated round."""
    def work(db):
        db.execute("UPDATE interviews SET stopped = ?, scorecard = ? WHERE id = ? AND stopped IS NULL",
                   (at, json.dumps(scorecard), interview_id))
        for kata, rating in ratings.items():
            _close_round(db, _open_round(db, kata, at)[0], kata, at, rating)
    _use(work, None, write=True)


def past_interviews() -> list[dict]:
    """Every finished interview, oldest first: {id, started, stopped, scorecard}."""
    def work(db):
        rows = db.execute("SELECT id, started, stopped, scorecard FROM interviews WHERE stopped IS NOT NULL "
                          "ORDER BY started, id")
        return [{"id": i, "started": s, "stopped": e, "scorecard": json.loads(c or "{}")} for i, s, e, c in rows]
    return _use(work, [], write=False)


# Moving the store to another machine (kata progress --export / --import) lives in its own module.
from .progress_transfer import EXPORT_FORMAT, TABLES, export_data, import_data  # noqa: E402,F401
