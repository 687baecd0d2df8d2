"""The catalog, proved: every reference passes, every stub is 'not implemented', every classic
wrong answer is caught with its diagnosis, and differently written right answers pass.

Nothing here names a kata: adding a stub, a solution, a spec entry and answers under
tests/answers/<kata>/ is all it takes for a kata to be covered.
"""
import ast

import pytest

from checker import catalog
from checker.engine import check_file
from conftest import ANSWERS, KATA_NAMES, answer_params, expected_code

SEEDS = range(3)  # tests/sweep_seeds.py runs every reference and right answer on hundreds


def codes(result: dict) -> list[str]:
    return [d["code"] for d in result["diagnoses"]]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", KATA_NAMES)
def test_reference_solution_passes(name, seed):
    kata = catalog.get(name)
    result = check_file(kata, str(catalog.solution_path(kata)), seed=seed)
    assert result["passed"], (codes(result), result["diagnoses"][:1], result["checks"])


@pytest.mark.parametrize("name", KATA_NAMES)
def test_untouched_stub_is_not_implemented(name):
    kata = catalog.get(name)
    result = check_file(kata, str(catalog.stub_path(kata)), seed=0)
    assert not result["passed"]
    assert codes(result)[:1] == ["not_implemented"], result["diagnoses"]


@pytest.mark.parametrize("name, path", answer_params("wrong"))
def test_wrong_answer_is_caught_with_its_diagnosis(name, path):
    kata = catalog.get(name)
    result = check_file(kata, str(path), seed=7)
    assert not result["passed"]
    assert codes(result)[:1] == [expected_code(path)], result["diagnoses"][:2]


@pytest.mark.parametrize("name, path", answer_params("right"))
def test_differently_written_right_answer_passes(name, path):
    # One seed each, a different one per answer; tests/sweep_seeds.py runs them on hundreds.
    kata = catalog.get(name)
    seed = 3 + sum(path.name.encode()) % 17
    result = check_file(kata, str(path), seed=seed)
    assert result["passed"], (codes(result), result["diagnoses"][:1])


@pytest.mark.parametrize("name", KATA_NAMES)
def test_kata_is_complete(name):
    """Stub, solution, hints, and a corpus of answers: what makes a kata shippable."""
    kata = catalog.get(name)
    stub = catalog.stub_path(kata).read_text(encoding="utf-8")
    solution = catalog.solution_path(kata).read_text(encoding="utf-8")
    assert catalog.task_statement(kata), "the stub's docstring states the task"
    defined = {n.name for n in ast.parse(stub).body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    assert set(kata.functions) <= defined, "the stub defines every function to write"
    assert "NotImplementedError" in stub
    assert "NotImplementedError" not in solution
    assert ast.get_docstring(ast.parse(solution)), "the solution shows its derivation"
    assert 2 <= len(kata.hints) <= 4
    assert kata.difficulty in ("easy", "medium", "hard") and kata.topic and kata.source
    answers = ANSWERS / name
    assert len(list(answers.glob("wrong_*.py"))) >= 2, "at least two realistic wrong answers"
    assert len(list(answers.glob("right_*.py"))) >= 1, "at least one differently written right answer"


@pytest.mark.parametrize("name", KATA_NAMES)
def test_draws_follow_the_contract(name):
    """At least 3 draws of different shapes per check, the smallest batch the contract allows (1 unless
    the kata says otherwise), and every keyword argument, keyword-only ones included, also called
    with a value other than its default."""
    import numpy as np

    kata = catalog.get(name)
    keywords_varied: dict[str, set] = {}
    for index, check in enumerate(kata.checks):
        cases = list(check.cases(np.random.default_rng([0, index])))
        for case in cases:
            varied = keywords_varied.setdefault(check.function, set())
            varied.update(case.kwargs)
        if type(check).__name__ == "Outcome":
            continue
        normal = [c for c in cases if not c.stability]
        assert len(normal) >= 3, f"{check.function}: at least 3 draws"
        shapes = {tuple(np.shape(v) for v in c.args.values() if isinstance(v, np.ndarray)) for c in normal}
        assert len(shapes) >= 2, f"{check.function}: draws of different shapes"
        batches = [c.batch for c in normal if c.batch is not None]
        if batches:
            assert kata.smallest_batch in batches, f"{check.function}: a batch of {kata.smallest_batch}"
            assert min(batches) >= kata.smallest_batch, f"{check.function}: a batch the contract forbids"
    for function, defaults in catalog.stub_defaults(kata).items():
        missing = set(defaults) - keywords_varied.get(function, set())
        assert not missing, f"{function}: no draw passes {sorted(missing)} (a hard-coded value would pass)"


def test_no_stub_solution_or_answer_holds_checker_code():
    """What the user reads and writes is numpy and the standard library only: the checker's code
    (drivers included) lives in its spec entry."""
    import re

    from conftest import ANSWERS

    files = [*catalog.resource_dir("katas").glob("*.py"), *catalog.resource_dir("solutions").glob("*.py"),
             *ANSWERS.glob("*/*.py")]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+checker\b", text, re.M), path



def test_prerequisites_are_katas_and_come_first():
    """Prerequisites name katas of the catalog, and the curriculum can put each before its dependents."""
    from checker import scheduling

    katas = catalog.all_katas()
    order = scheduling.curriculum(katas)
    for name, kata in katas.items():
        for before in kata.prerequisites:
            assert before in katas, f"{name}: no kata {before}"
            assert order.index(before) < order.index(name), f"{name} comes before its prerequisite {before}"


@pytest.mark.parametrize("name", KATA_NAMES)
def test_the_child_loads_no_reference(name):
    """The modules a kata's calls have the child import (drivers, function references) are its
    checker/specs/_NAME_child.py alone, which holds what runs in the child and nothing of the checking: an
    answer that reaches every module of its process finds no reference there."""
    import numpy as np

    from checker import kinds, sandbox

    kata = catalog.get(name)
    calls = [call for index, check in enumerate(kata.checks)
             for call in kinds.plan(check, np.random.default_rng([0, index])).calls]
    assert set(sandbox._modules_to_preload(calls)) <= {f"checker.specs._{name}_child"}
    assert set(sandbox._modules_to_preload(calls)) <= set(catalog.child_modules(name)), "the session preloads it"
