"""Single-point mutants of a Python source: every operator of :mod:`checker.mutation_operators`
applied to every node of every function body and every keyword default, one change at a time.

A mutant is the original text with one expression (or statement) replaced, so a report's line
numbers are the solution's own and its comments and docstrings stay as they were. Its id names the
place and the change, not its rank in the list, so it stays the same from run to run::

    relu_backward:L19:C20 compare 'x > 0' -> 'x >= 0'
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .mutation_operators import DEFAULT_OPERATOR, OPERATORS, Context

SNIPPET_LIMIT = 80


@dataclass(frozen=True)
class Mutant:
    """One mutant: ``id`` (stable), the operator ``kind``, the mutated ``source`` and its changed line."""

    id: str
    kind: str
    function: str
    line: int
    source: str
    changed_line: str


class Source:
    """A module's text with byte-exact access by AST position (columns are UTF-8 byte offsets)."""

    def __init__(self, text: str):
        self.text = text
        # bytes.splitlines breaks where Python's tokenizer does (\n, \r\n, \r), str.splitlines also
        # at \f, \x85, \u2028..., which a docstring may hold.
        self.lines = text.encode("utf-8").splitlines(keepends=True)

    def segment(self, node: ast.AST) -> str:
        first, last = node.lineno - 1, node.end_lineno - 1
        if first == last:
            return self.lines[first][node.col_offset:node.end_col_offset].decode("utf-8")
        middle = b"".join(self.lines[first + 1:last])
        return (self.lines[first][node.col_offset:] + middle + self.lines[last][:node.end_col_offset]).decode("utf-8")

    def splice(self, node: ast.AST, text: str) -> str:
        first, last = node.lineno - 1, node.end_lineno - 1
        head = b"".join(self.lines[:first]) + self.lines[first][:node.col_offset]
        tail = self.lines[last][node.end_col_offset:] + b"".join(self.lines[last + 1:])
        return (head + text.encode("utf-8") + tail).decode("utf-8")


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_LIMIT else text[:SNIPPET_LIMIT - 1] + "…"


def _is_docstring(statement: ast.AST) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) \
        and isinstance(statement.value.value, str)


def _walk_body(statements: list[ast.stmt]):
    """Every node of a body, not entering nested defs or classes (visited on their own) or f-strings."""
    pending = [s for position, s in enumerate(statements) if not (position == 0 and _is_docstring(s))]
    while pending:
        node = pending.pop(0)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        yield node
        if not isinstance(node, ast.JoinedStr):
            pending[:0] = list(ast.iter_child_nodes(node))


DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)


def mutable_nodes(tree: ast.Module):
    """(qualified function name, its def, node, is_default) for every node a mutant may change."""
    def visit(body, prefix):
        for statement in body:
            if isinstance(statement, ast.ClassDef):
                yield from visit(statement.body, f"{prefix}{statement.name}.")
            elif isinstance(statement, DEFS):
                name = f"{prefix}{statement.name}"
                arguments = statement.args
                for node in list(arguments.defaults) + [d for d in arguments.kw_defaults if d is not None]:
                    yield name, statement, node, True
                for node in _walk_body(statement.body):
                    yield name, statement, node, False
                nested = [n for n in ast.walk(statement)
                          if n is not statement and isinstance(n, DEFS + (ast.ClassDef,))]
                outermost = [n for n in nested if not any(n in ast.walk(o) for o in nested if o is not n)]
                yield from visit(outermost, f"{name}.")
    yield from visit(tree.body, "")


def _replaced(unit: ast.AST, ctx: Context, target: ast.AST, replacement: ast.AST) -> str:
    """The unparsed source of the def ``unit`` with ``target`` replaced, the tree left as it was.

    A mutant changes one def only, so the def's text tells mutants apart; unparsing it alone is
    far cheaper than unparsing the module."""
    parent, field, position = ctx.parents[target]
    if not hasattr(replacement, "lineno"):  # never move a reused child: other mutants still point at it
        ast.copy_location(replacement, target)
    if position is None:
        setattr(parent, field, replacement)
    else:
        getattr(parent, field)[position] = replacement
    try:
        return ast.unparse(unit)
    finally:
        if position is None:
            setattr(parent, field, target)
        else:
            getattr(parent, field)[position] = target


def _spliced(source: Source, unit: ast.AST, target: ast.AST, text: str, expected: str) -> str | None:
    """The original text with the target's span replaced, parenthesized only where precedence needs it.

    The def starts before the target, so it keeps its line and column in the spliced text."""
    for candidate in (text, f"({text})"):
        spliced = source.splice(target, candidate)
        try:
            parsed = ast.parse(spliced)
        except SyntaxError:
            continue
        for node in ast.walk(parsed):
            if isinstance(node, DEFS) and (node.lineno, node.col_offset) == (unit.lineno, unit.col_offset):
                if ast.unparse(node) == expected:
                    return spliced
                break
    return None


def generate(text: str) -> list[Mutant]:
    """Every distinct single-point mutant of a module's source, in a fixed order."""
    source = Source(text)
    tree = ast.parse(text)
    ctx = Context(tree)
    seen = set()
    found, ids = [], set()
    priority = {kind: rank for rank, (kind, _) in enumerate(OPERATORS + (DEFAULT_OPERATOR,))}
    proposals = []
    for function, unit, node, is_default in mutable_nodes(tree):
        seen.add((unit.lineno, unit.col_offset, ast.unparse(unit)))
        operators = (DEFAULT_OPERATOR,) if is_default else OPERATORS
        for kind, operator in operators:
            for target, replacement in operator(node, ctx):
                proposals.append((priority[kind], target.lineno, target.col_offset, len(proposals),
                                  kind, function, unit, target, replacement))
    for _, line, column, _, kind, function, unit, target, replacement in sorted(proposals, key=lambda p: p[:4]):
        key = (unit.lineno, unit.col_offset, _replaced(unit, ctx, target, replacement))
        if key in seen:
            continue
        new_text = ast.unparse(replacement)
        mutated = _spliced(source, unit, target, new_text, key[2])
        if mutated is None:
            continue
        seen.add(key)
        before, after = _one_line(source.segment(target)), _one_line(new_text)
        base = mutant_id = f"{function}:L{line}:C{column + 1} {kind} {before!r} -> {after!r}"
        suffix = 2
        while mutant_id in ids:  # a truncated snippet hid the difference
            mutant_id = f"{base} #{suffix}"
            suffix += 1
        ids.add(mutant_id)
        changed_line = mutated.encode("utf-8").splitlines()[line - 1].decode("utf-8").strip()
        found.append(((line, column, priority[kind]), Mutant(mutant_id, kind, function, line, mutated, changed_line)))
    return [mutant for _, mutant in sorted(found, key=lambda pair: pair[0])]
