"""The mutation generator, and a seeded sample of real mutants through the real check."""

import ast
import random

import pytest

from checker import catalog, mutation
from checker.mutation_generate import generate

SAMPLE = '''"""A module docstring: x > 0, a + b, axis=0 must stay as written."""
import numpy as np


def layer(dout, x, w, h=1e-4, causal=False):
    """Docstring of a function: return a, b; 2 * h."""
    out = x @ w + 2
    mask = x > 0
    total = np.sum(out, axis=0, keepdims=True)
    first = x[0] - x[1:3].mean()
    flipped = np.transpose(x[:, None], (0, 2, 1)).T
    grads = {"x": dout * mask, "w": x.T @ dout}
    total += np.maximum(out, first) / h
    return -total, grads
'''

KINDS = ("arith", "compare", "constant", "axis", "index", "transpose", "drop_term", "swap_args",
         "default", "unary", "swap_returned", "accumulate")


@pytest.fixture(scope="module")
def mutants():
    return generate(SAMPLE)


def test_every_operator_class_produces_mutants(mutants):
    produced = {m.kind for m in mutants}
    assert set(KINDS) <= produced, f"no mutant of kind {set(KINDS) - produced}"


def test_mutants_compile_differ_from_the_original_and_from_each_other(mutants):
    original = ast.unparse(ast.parse(SAMPLE))
    seen = set()
    for mutant in mutants:
        compile(mutant.source, "mutant.py", "exec")
        unparsed = ast.unparse(ast.parse(mutant.source))
        assert unparsed != original, mutant.id
        assert unparsed not in seen, mutant.id
        seen.add(unparsed)


def test_one_change_in_place_so_line_numbers_stay_the_solutions(mutants):
    original = SAMPLE.splitlines()
    for mutant in mutants:
        changed = mutant.source.splitlines()
        assert len(changed) == len(original), mutant.id
        differing = [n for n, (a, b) in enumerate(zip(original, changed), 1) if a != b]
        assert differing == [mutant.line], mutant.id
        assert changed[mutant.line - 1].strip() == mutant.changed_line


def test_docstrings_untouched(mutants):
    tree = ast.parse(SAMPLE)
    docstrings = [ast.get_docstring(tree), ast.get_docstring(tree.body[2])]
    for mutant in mutants:
        mutated = ast.parse(mutant.source)
        assert [ast.get_docstring(mutated), ast.get_docstring(mutated.body[2])] == docstrings, mutant.id


def test_ids_are_stable_unique_and_name_the_change(mutants):
    again = generate(SAMPLE)
    assert [m.id for m in again] == [m.id for m in mutants]
    assert [m.source for m in again] == [m.source for m in mutants]
    assert len({m.id for m in mutants}) == len(mutants)
    ids = {m.id for m in mutants}
    assert "layer:L8:C12 compare 'x > 0' -> 'x >= 0'" in ids
    assert "layer:L5:C25 default '1e-4' -> '1e-05'" in ids
    assert "layer:L14:C12 swap_returned '-total, grads' -> '(grads, -total)'" in ids
    assert "layer:L13:C5 accumulate 'total += np.maximum(out, first) / h' -> " \
           "'total = np.maximum(out, first) / h'" in ids


def test_precedence_is_kept_where_a_change_needs_parentheses():
    changed = {m.id: m.changed_line for m in generate("def f(a, b, c):\n    return a * (b + c), -a\n")}
    assert changed["f:L2:C17 drop_term 'b + c' -> 'b'"] == "return a * (b), -a"
    assert changed["f:L2:C12 unary 'a * (b + c)' -> '-(a * (b + c))'"] == "return -(a * (b + c)), -a"
    assert changed["f:L2:C12 arith 'a * (b + c)' -> 'a / (b + c)'"] == "return a / (b + c), -a"


def test_equivalent_list_is_well_formed_and_not_stale():
    listed = mutation.read_equivalent()
    katas = catalog.all_katas()
    by_kata = {}
    for mutant_id, reason in listed.items():
        by_kata.setdefault(mutant_id.split("/", 1)[0], []).append(mutant_id)
        assert len(reason) > 20, f"{mutant_id}: argue why it is equivalent"
    generated = {name: mutation.kata_mutants(katas[name]) for name in by_kata if name in katas}
    assert mutation.stale_ids(listed, generated) == []


def test_a_listed_id_that_no_longer_exists_is_stale():
    name = next(iter(catalog.all_katas()))
    mutants = mutation.kata_mutants(catalog.get(name))
    real = mutation.qualified_id(name, mutants[0])
    listed = {real: "a reason", f"{name}/gone:L1:C1 compare 'a > 0' -> 'a >= 0'": "a reason",
              "no_such_kata/f:L1:C1 compare 'a > 0' -> 'a >= 0'": "a reason"}
    assert sorted(mutation.stale_ids(listed, {name: mutants})) == sorted(set(listed) - {real})


def test_list_prints_every_mutant_of_a_kata(capsys):
    name = next(iter(catalog.all_katas()))
    assert mutation.main([name, "--list"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[-1] == f"{len(mutation.kata_mutants(catalog.get(name)))} mutants"


def test_a_malformed_equivalent_line_is_refused(tmp_path):
    listed = tmp_path / "equivalent.txt"
    listed.write_text("# comment\nsome/id:L1:C1 compare 'a' -> 'b'\n", encoding="utf-8")
    with pytest.raises(ValueError):
        mutation.read_equivalent(listed)


def _fast_katas() -> list[str]:
    """Katas judged by exact checks only: the training ones (outcome checks) take seconds each."""
    return [name for name, kata in catalog.all_katas().items()
            if not any(type(check).__name__ == "Outcome" for check in kata.checks)]


def test_a_mutant_raising_at_import_is_killed_and_counted_as_refused():
    name = _fast_katas()[0]
    solution = catalog.solution_path(catalog.get(name)).read_text(encoding="utf-8")
    source = solution + "\nraise ValueError('at import')\n"
    result = mutation.judge(name, "import", source)
    assert result.killed and result.refused_at_import and result.seed == 0


def test_a_kata_whose_reference_fails_is_not_scored(monkeypatch):
    kata = catalog.get(_fast_katas()[0])
    assert mutation.reference_fault(kata) == ""
    monkeypatch.setattr(catalog, "solution_path", catalog.stub_path)  # the stub raises NotImplementedError
    assert mutation.reference_fault(kata).startswith("not_implemented")


SAMPLE_SEED = 0
SAMPLED_KATAS = random.Random(SAMPLE_SEED).sample(_fast_katas(), min(8, len(_fast_katas())))


@pytest.mark.parametrize("name", SAMPLED_KATAS)
def test_a_sampled_mutant_is_killed_or_listed_equivalent(name):
    mutants = mutation.kata_mutants(catalog.get(name))
    mutant = random.Random(f"{SAMPLE_SEED}:{name}").choice(mutants)
    result = mutation.judge(name, mutant.id, mutant.source)
    assert not result.error, result.error
    qualified = mutation.qualified_id(name, mutant)
    assert result.killed or qualified in mutation.read_equivalent(), \
        f"survivor, not listed as equivalent: {qualified}\n    {mutant.changed_line}"
