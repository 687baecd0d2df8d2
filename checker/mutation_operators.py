"""Single-point mutation operators over the AST of a reference solution.

Each operator looks at one node of a function body (or one keyword default) and proposes
replacements: ``(target, replacement)`` pairs, where ``target`` is a node of the tree and
``replacement`` the node that takes its place. The operators know nothing of katas; they see
Python. What counts as a mutant, how it is named and spliced back into the source text, is in
:mod:`checker.mutation_generate`.
"""

from __future__ import annotations

import ast
from typing import Iterator

Proposal = Iterator[tuple[ast.AST, ast.AST]]

ARITH_PARTNERS = {
    ast.Add: (ast.Sub,), ast.Sub: (ast.Add,), ast.Mult: (ast.Div,), ast.Div: (ast.Mult, ast.FloorDiv),
    ast.FloorDiv: (ast.Div,), ast.Pow: (ast.Mult,), ast.MatMult: (ast.Mult,), ast.Mod: (ast.FloorDiv,),
}
COMPARE_PARTNERS = {
    ast.Gt: (ast.GtE, ast.Lt), ast.GtE: (ast.Gt, ast.LtE), ast.Lt: (ast.LtE, ast.Gt),
    ast.LtE: (ast.Lt, ast.GtE), ast.Eq: (ast.NotEq,), ast.NotEq: (ast.Eq,),
    ast.Is: (ast.IsNot,), ast.IsNot: (ast.Is,), ast.In: (ast.NotIn,), ast.NotIn: (ast.In,),
}
AXIS_VALUES = (0, 1, -1)
TRANSPOSE_CALLS = ("transpose", "swapaxes", "moveaxis")
SMALL_FLOAT = 1e-3  # eps, h: a step or a guard, mutated by a factor of ten either way


class Context:
    """What an operator needs to know beyond the node: its parent, and who owns a literal."""

    def __init__(self, tree: ast.AST):
        self.parents: dict[ast.AST, tuple[ast.AST, str, int | None]] = {}
        for node in ast.walk(tree):
            for field, value in ast.iter_fields(node):
                if isinstance(value, list):
                    for index, item in enumerate(value):
                        if isinstance(item, ast.AST):
                            self.parents[item] = (node, field, index)
                elif isinstance(value, ast.AST):
                    self.parents[value] = (node, field, None)
        self.owned = self._owned_literals(tree)

    @staticmethod
    def _owned_literals(tree: ast.AST) -> set[ast.AST]:
        """Literals that a more specific operator mutates (axes, indices, transposes)."""
        owned = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg in ("axis", "keepdims"):
                owned.add(node.value)
            elif isinstance(node, ast.Subscript):
                for element in index_elements(node):
                    owned.add(element)
                    if isinstance(element, ast.Slice):
                        owned.update((element.lower, element.upper, element.step))
            elif isinstance(node, ast.Call) and _called_name(node) in TRANSPOSE_CALLS:
                for argument in node.args:
                    owned.add(argument)
                    owned.update(argument.elts if isinstance(argument, ast.Tuple) else ())
        return owned


# --- literals ----------------------------------------------------------------------------------

def literal(node: ast.AST) -> int | float | bool | None:
    """The number (or bool) a node spells: ``3``, ``1e-5``, ``-1``, ``True``; else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
            and type(node.operand.value) in (int, float):
        return -node.operand.value
    return None


def number(value: int | float | bool) -> ast.AST:
    """The node Python itself parses for ``value``: a negative number is a minus applied to a constant."""
    if isinstance(value, float):
        value = float(f"{value:.12g}")  # 1e-5 * 10 reads 0.0001, not 0.00010000000000000002
    if not isinstance(value, bool) and value < 0:
        return ast.UnaryOp(ast.USub(), ast.Constant(-value))
    return ast.Constant(value)


def _distinct(original, values) -> list:
    found = []
    for value in values:
        if type(value) is type(original) and value != original and value not in found:
            found.append(value)
    return found


def constant_values(value):
    """c -> 0, 1, -c, 2c; c+1 for ints; c/10 and 10c for small floats; a bool flips."""
    if isinstance(value, bool):
        return [not value]
    kind = type(value)
    values = [kind(0), kind(1), -value, 2 * value]
    if kind is int:
        values.append(value + 1)
    elif 0 < abs(value) <= SMALL_FLOAT:
        values += [value / 10, value * 10]
    return _distinct(value, values)


def default_values(value):
    """Another value of a keyword default: a factor of ten for floats, c+1 and 2c for ints."""
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, float):
        return _distinct(value, [value * 10, value / 10] if value else [1.0])
    return _distinct(value, [value + 1, 2 * value])


def index_elements(node: ast.Subscript) -> list[ast.AST]:
    return list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _plus(node: ast.AST, step: int) -> ast.AST:
    value = literal(node)
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value + step)
    return ast.BinOp(node, ast.Add() if step > 0 else ast.Sub(), ast.Constant(abs(step)))


# --- operators: each yields (target, replacement) ------------------------------------------------

def arith(node: ast.AST, ctx: Context) -> Proposal:
    if isinstance(node, ast.BinOp):
        for partner in ARITH_PARTNERS.get(type(node.op), ()):
            yield node, ast.BinOp(node.left, partner(), node.right)
    elif isinstance(node, ast.AugAssign):
        for partner in ARITH_PARTNERS.get(type(node.op), ()):
            yield node, ast.AugAssign(node.target, partner(), node.value)


def accumulate(node: ast.AST, ctx: Context) -> Proposal:
    """``a += b`` -> ``a = b``: the classic missing accumulation."""
    if isinstance(node, ast.AugAssign):
        yield node, ast.Assign(targets=[node.target], value=node.value, type_comment=None)


def compare(node: ast.AST, ctx: Context) -> Proposal:
    if isinstance(node, ast.Compare):
        for position, op in enumerate(node.ops):
            for partner in COMPARE_PARTNERS.get(type(op), ()):
                ops = list(node.ops)
                ops[position] = partner()
                yield node, ast.Compare(node.left, ops, node.comparators)


def constant(node: ast.AST, ctx: Context) -> Proposal:
    value = literal(node)
    if value is None or node in ctx.owned:
        return
    parent = ctx.parents.get(node, (None,))[0]
    if isinstance(node, ast.Constant) and literal(parent) is not None:
        return  # the minus around it makes one literal, mutated as a whole
    for other in constant_values(value):
        yield node, number(other)


def default(node: ast.AST, ctx: Context) -> Proposal:
    """Only called on the default of a keyword argument in a ``def``."""
    value = literal(node)
    if value is None:
        return
    for other in default_values(value):
        yield node, number(other)


def axis(node: ast.AST, ctx: Context) -> Proposal:
    if not isinstance(node, ast.Call):
        return
    for keyword in node.keywords:
        if keyword.arg == "axis":
            current = literal(keyword.value)
            for other in AXIS_VALUES:
                if other != current:
                    yield keyword.value, number(other)
            kept = [k for k in node.keywords if k is not keyword]
            yield node, ast.Call(node.func, node.args, kept)
        elif keyword.arg == "keepdims" and isinstance(literal(keyword.value), bool):
            yield keyword.value, ast.Constant(not keyword.value.value)


def index(node: ast.AST, ctx: Context) -> Proposal:
    if not isinstance(node, ast.Subscript):
        return
    for element in index_elements(node):
        if isinstance(element, ast.Slice):
            yield from _slice_variants(element)
        elif isinstance(element, ast.Name) or type(literal(element)) is int:
            yield element, _plus(element, 1)
            yield element, _plus(element, -1)


def _slice_variants(element: ast.Slice) -> Proposal:
    for bound in ("lower", "upper"):
        value = getattr(element, bound)
        if value is None:
            continue
        for replacement in (_plus(value, 1), _plus(value, -1), None):
            parts = {"lower": element.lower, "upper": element.upper, "step": element.step, bound: replacement}
            yield element, ast.Slice(**parts)
    if element.step is not None:
        yield element, ast.Slice(element.lower, element.upper, None)
    elif element.lower is None and element.upper is None:
        yield element, ast.Slice(None, None, number(-1))


def transpose(node: ast.AST, ctx: Context) -> Proposal:
    if isinstance(node, ast.Attribute) and node.attr == "T" and isinstance(node.ctx, ast.Load):
        yield node, node.value
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
        for operand in (node.left, node.right):
            if not (isinstance(operand, ast.Attribute) and operand.attr == "T"):
                yield operand, ast.Attribute(operand, "T", ast.Load())
    elif isinstance(node, ast.Call) and _called_name(node) in TRANSPOSE_CALLS:
        for argument in node.args:
            if type(literal(argument)) is int:  # swapaxes(x, 1, 2), moveaxis(x, 0, -1)
                yield argument, _plus(argument, 1)
                yield argument, _plus(argument, -1)
            elif isinstance(argument, ast.Tuple):  # transpose(x, (0, 2, 1)): two axes exchanged
                for position in range(len(argument.elts) - 1):
                    axes = list(argument.elts)
                    axes[position], axes[position + 1] = axes[position + 1], axes[position]
                    yield argument, ast.Tuple(axes, ast.Load())


def drop_term(node: ast.AST, ctx: Context) -> Proposal:
    if not isinstance(node, ast.BinOp):
        return
    if isinstance(node.op, (ast.Add, ast.Mult)):
        yield node, node.left
        yield node, node.right
    elif isinstance(node.op, ast.Sub):
        yield node, node.left
        yield node, ast.UnaryOp(ast.USub(), node.right)
    elif isinstance(node.op, ast.Div):
        yield node, node.left


def swap_args(node: ast.AST, ctx: Context) -> Proposal:
    if not isinstance(node, ast.Call) or any(isinstance(a, ast.Starred) for a in node.args):
        return
    for position in range(len(node.args) - 1):
        first, second = node.args[position], node.args[position + 1]
        if ast.dump(first) != ast.dump(second):
            args = list(node.args)
            args[position], args[position + 1] = second, first
            yield node, ast.Call(node.func, args, node.keywords)


def unary(node: ast.AST, ctx: Context) -> Proposal:
    """A minus (or a ``not``) dropped; a minus added to what is returned or assigned."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Not)) and literal(node) is None:
        yield node, node.operand
    if isinstance(node, (ast.Return, ast.Assign, ast.AugAssign)) and node.value is not None:
        for part in _value_parts(node.value):
            if _may_be_numeric(part):
                yield part, ast.UnaryOp(ast.USub(), part)


NOT_NUMBERS = (ast.Constant, ast.UnaryOp, ast.Tuple, ast.List, ast.Set, ast.Dict, ast.Lambda, ast.JoinedStr,
               ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Compare, ast.BoolOp)
CONTAINER_CALLS = ("set", "list", "dict", "tuple", "str", "range", "zip", "enumerate", "reversed", "sorted")


def _may_be_numeric(node: ast.AST) -> bool:
    """False for what a minus cannot apply to (a list, a lambda, a mask): such a mutant only crashes."""
    if isinstance(node, NOT_NUMBERS):
        return False
    return not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CONTAINER_CALLS)


def _value_parts(value: ast.AST) -> list[ast.AST]:
    if isinstance(value, ast.Tuple):
        return list(value.elts)
    if isinstance(value, ast.Dict):
        return list(value.values)
    return [value]


def swap_returned(node: ast.AST, ctx: Context) -> Proposal:
    """``return a, b`` -> ``return b, a``; two values of a dict literal exchanged."""
    if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
        elements = node.value.elts
        for position in range(len(elements) - 1):
            if ast.dump(elements[position]) != ast.dump(elements[position + 1]):
                swapped = list(elements)
                swapped[position], swapped[position + 1] = swapped[position + 1], swapped[position]
                yield node.value, ast.Tuple(swapped, ast.Load())
    elif isinstance(node, ast.Dict) and None not in node.keys:
        for position in range(len(node.values) - 1):
            if ast.dump(node.values[position]) != ast.dump(node.values[position + 1]):
                values = list(node.values)
                values[position], values[position + 1] = values[position + 1], values[position]
                yield node, ast.Dict(node.keys, values)


# In this order: when two operators make the same program, the mutant is named by the first.
OPERATORS = (
    ("axis", axis), ("index", index), ("transpose", transpose), ("compare", compare), ("arith", arith),
    ("accumulate", accumulate), ("drop_term", drop_term), ("swap_args", swap_args),
    ("swap_returned", swap_returned), ("unary", unary), ("constant", constant),
)
DEFAULT_OPERATOR = ("default", default)
