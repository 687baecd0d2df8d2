import re
from pathlib import Path

import pytest

from checker import catalog

TESTS = Path(__file__).resolve().parent
ANSWERS = TESTS / "answers"
VERDICTS = TESTS / "verdicts"


def expected_code(path: Path) -> str:
    """A wrong answer's docstring starts with ``expect: <diagnosis code>``."""
    # Read as text, not parsed: some fixtures are deliberately not valid Python.
    found = re.search(r'^"""\s*expect:\s*(\w+)', path.read_text(encoding="utf-8"))
    if not found:
        raise ValueError(f"{path} does not start with a docstring 'expect: <code>'")
    return found.group(1)


def answer_params(prefix: str) -> list:
    params = []
    for kata_dir in sorted(p for p in ANSWERS.iterdir() if p.is_dir()):
        for path in sorted(kata_dir.glob(f"{prefix}_*.py")):
            params.append(pytest.param(kata_dir.name, path, id=f"{kata_dir.name}/{path.stem}"))
    return params


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A fresh, private practice folder for tests that touch the workspace."""
    home = tmp_path / "practice"
    monkeypatch.setenv("KATA_HOME", str(home))
    return home


KATA_NAMES = list(catalog.all_katas())
