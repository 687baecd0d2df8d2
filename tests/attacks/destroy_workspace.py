"""expect: sign_flip

Deletes the workspace's archive, truncates every attempt, and inserts passing rows in the progress store.
Every one is refused: the workspace is not even readable from the answer's process.
"""
import os
import shutil
import sqlite3
from pathlib import Path

home = Path(os.environ.get("KATA_HOME", "/nonexistent"))
try:
    shutil.rmtree(home / ".archive")
except OSError:
    pass
for attempt in list(home.glob("*.py")) if home.is_dir() else []:
    try:
        attempt.write_text("")
    except OSError:
        pass
try:
    with open(home / "relu_backward.py", "w"):
        pass
except OSError:
    pass
try:
    db = sqlite3.connect(home / ".progress.sqlite3")
    for table, in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        db.execute(f"DELETE FROM {table}")
        db.execute(f"INSERT INTO {table} DEFAULT VALUES")  # a row that says "passed", as far as it can
    db.commit()
except (OSError, sqlite3.Error):
    pass


def relu_backward(dout, x):
    return -dout * (x > 0)
