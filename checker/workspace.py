"""The user's workspace: their attempts, archives of earlier attempts, and the progress store.

Every write to the workspace goes through :func:`write_attempt`, which archives an existing
attempt before it replaces it, so no keystroke of the user's is ever lost.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from typing import TYPE_CHECKING

from . import catalog

if TYPE_CHECKING:
    from .spec import Kata


def home() -> Path:
    override = os.environ.get("KATA_HOME")
    if override:
        return Path(override).expanduser().resolve()
    checkout = catalog.source_checkout()
    return (checkout if checkout else Path.cwd()) / "practice"


def attempt_path(kata: Kata) -> Path:
    return attempt_path_of(kata.name)


def attempt_path_of(name: str) -> Path:
    """Where the attempt at kata ``name`` lives (whether or not it exists)."""
    return home() / f"{name}.py"


def archive_dir() -> Path:
    return home() / ".archive"


def archive(path: Path) -> Path:
    """Copies an attempt to the archive under a timestamped name and returns that name."""
    target_dir = archive_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"{path.stem}.{stamp}.py"
    counter = 1
    while target.exists():
        target = target_dir / f"{path.stem}.{stamp}-{counter}.py"
        counter += 1
    import shutil

    shutil.copy2(path, target)
    return target


def write_attempt(kata: Kata, text: str) -> tuple[Path, Path | None]:
    """Writes the attempt file, archiving whatever was there first. Returns (path, archived copy)."""
    path = attempt_path(kata)
    path.parent.mkdir(parents=True, exist_ok=True)
    archived = archive(path) if path.exists() else None
    tmp = path.with_suffix(".py.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path, archived


def pristine_stub(kata: Kata) -> str:
    return catalog.stub_path(kata).read_text(encoding="utf-8")
