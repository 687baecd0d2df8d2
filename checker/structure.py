"""What the user returned, against what the check expects: one walker over return templates.

A template is a tree of tuples, lists and dicts whose leaves are :class:`Leaf` (one returned
variable with its expected value). Each leaf is named, and a gradient also carries the full path
of the input it belongs to (``("params", 2, 0)``: the W of the third layer), so two gradients of
one container never collide and the structure may differ from draw to draw.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import numpy as np

from .diagnosis import explain
from .protocol import Opaque
from .result import Diagnosis


@dataclass
class Leaf:
    """One returned variable of one draw, with what it should be."""

    name: str
    expected: np.ndarray
    scalar: bool = False
    wrt: tuple | None = None  # the full path of the input this is the gradient of


def iter_leaves(template: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """(path in the returned structure, node) for every node that is not a tuple, list or dict."""
    if isinstance(template, dict):
        for key, sub in template.items():
            yield from iter_leaves(sub, path + (key,))
    elif isinstance(template, (tuple, list)):
        for index, sub in enumerate(template):
            yield from iter_leaves(sub, path + (index,))
    else:
        yield path, template


def map_leaves(function: Callable[[Any], Any], template: Any) -> Any:
    """The template with every leaf node replaced by ``function(node)``; containers kept."""
    if isinstance(template, dict):
        return {key: map_leaves(function, sub) for key, sub in template.items()}
    if isinstance(template, (tuple, list)):
        return type(template)(map_leaves(function, sub) for sub in template)
    return function(template)


def leaves(template: Any) -> list[Leaf]:
    return [node for _, node in iter_leaves(template)]


def describe_template(template: Any) -> str:
    if isinstance(template, Leaf):
        return template.name
    if isinstance(template, dict):
        return "{" + ", ".join(map(str, template)) + "}"
    if isinstance(template, (tuple, list)):
        inner = ", ".join(describe_template(t) for t in template[:8])
        return "(" + inner + (", …" if len(template) > 8 else "") + ")"
    return "?"


def kind_of(value: Any) -> str:
    if isinstance(value, Opaque):
        name = value.type_name.rsplit(".", 1)[-1]
    elif isinstance(value, np.ndarray):
        return "an array" if value.ndim else "a 0-d array"
    else:
        name = type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _signature(node: Any, expected: bool) -> tuple:
    """What tells returned values apart: an array's shape, a dict's keys, a sequence's length."""
    if expected and isinstance(node, Leaf):
        return ("value", np.shape(node.expected))
    if isinstance(node, dict):
        return ("dict", tuple(sorted(map(str, node))))
    if isinstance(node, (tuple, list)):
        return ("sequence", len(node))
    if isinstance(node, Opaque) or node is None or isinstance(node, (str, bytes)):
        return ("other",)
    return ("value", np.shape(node))


def _reordering(got: Any, template: Any) -> str | None:
    """If the values are all there but in another order (told apart by shape or kind), that order."""
    if len(template) > 6:
        return None
    have = [_signature(g, False) for g in got]
    wanted = [_signature(t, True) for t in template]
    if have == wanted or len(set(wanted)) < len(wanted):
        return None
    for order in itertools.permutations(range(len(template))):
        if all(have[i] == wanted[j] for i, j in enumerate(order)):
            return "(" + ", ".join(describe_template(template[j]) for j in order) + ")"
    return None


def _sequence_problem(got: Any, template: Any) -> Diagnosis | None:
    shape = describe_template(template)
    if not isinstance(got, (tuple, list)):
        return Diagnosis("wrong_type", f"returned {kind_of(got)}; expected a tuple {shape}.",
                         explanation=f"Return all of them, in this order: return {shape[1:-1]}")
    if len(got) != len(template):
        return Diagnosis("wrong_type", f"returned {len(got)} values; expected {len(template)}: {shape}.",
                         explanation="Return exactly these values, in this order.")
    swapped = _reordering(got, template)
    if swapped:
        return Diagnosis("wrong_type", f"returned the values in another order: expected {shape}, "
                                       f"yours look like {swapped}.",
                         explanation="Return them in the order of the task statement.")
    return None


def _dict_problem(got: Any, template: dict) -> Diagnosis | None:
    if not isinstance(got, dict):
        return Diagnosis("wrong_type", f"returned {kind_of(got)}; expected a dict with keys "
                                       f"{', '.join(map(repr, template))}.")
    missing = [k for k in template if k not in got]
    if missing:
        return Diagnosis("wrong_type", f"the returned dict has no key {', '.join(map(repr, missing))}.",
                         explanation="Use the same keys as the parameters.")
    return None


def match(got: Any, template: Any) -> tuple[list[tuple[Leaf, Any]], Diagnosis | None]:
    """Pairs each leaf of the template with the user's value, or says how the structure differs."""
    if isinstance(template, Leaf):
        return [(template, got)], None
    if got is None:
        return [], Diagnosis("returned_none", f"returned None; expected {describe_template(template)}.",
                             explanation="Did you forget the return statement, or return inside a branch only?")
    if isinstance(template, dict):
        problem = _dict_problem(got, template)
        pairs_of = [(template[k], got[k]) for k in template] if problem is None else []
    else:
        problem = _sequence_problem(got, template)
        pairs_of = list(zip(template, got)) if problem is None else []
    if problem:
        return [], problem
    pairs: list = []
    for sub_template, sub_got in pairs_of:
        sub_pairs, problem = match(sub_got, sub_template)
        if problem:
            return [], problem
        pairs += sub_pairs
    return pairs, None


def _shape_text(shape: tuple) -> str:
    return "a scalar" if shape == () else str(tuple(shape))


def _type_problem(leaf: Leaf, got: Any) -> Diagnosis | None:
    name = leaf.name
    wanted = "a number" if leaf.scalar else "a numpy array"
    if got is None:
        return Diagnosis("returned_none", f"{name} is None.",
                         explanation="Every path through your function must end in a return of the result.")
    if isinstance(got, Opaque):
        return Diagnosis("wrong_type", f"{name} is {got.type_name.rsplit('.', 1)[-1]} object; expected {wanted}.",
                         name)
    if isinstance(got, (bool, np.bool_, str, bytes, list, tuple, dict)):
        return Diagnosis("wrong_type", f"{name} is a {type(got).__name__}; expected {wanted}.", name,
                         explanation="Return numpy arrays (np.asarray) of float64.")
    value = np.asarray(got)
    if value.dtype.kind == "c":
        return Diagnosis("wrong_type", f"{name} is complex ({value.dtype}); expected real float64.", name,
                         explanation="Something produced complex numbers: a square root or power of a negative "
                                     "number (np.emath, ** 0.5 of a complex), or np.fft. Keep everything real.")
    if value.dtype.kind not in "fiu" or (value.dtype.kind in "iu" and not leaf.scalar):
        return Diagnosis("wrong_type", f"{name} has dtype {value.dtype}; expected float64.", name,
                         explanation="Return real values: build arrays as float (dtype=float, or np.zeros_like of "
                                     "a float array), and multiply by a 0/1 mask rather than return the mask.")
    if value.dtype.kind == "f" and value.dtype != np.float64:
        return Diagnosis("wrong_type", f"{name} has dtype {value.dtype}; expected float64.", name,
                         explanation="Keep float64 throughout: something in your code casts the inputs down.")
    return None


def _shape_problem(leaf: Leaf, value: np.ndarray, explanations: dict[str, str]) -> Diagnosis:
    name, expected_shape = leaf.name, np.shape(leaf.expected)
    of = f", the shape of {leaf.wrt[0]}{''.join(f'[{k!r}]' for k in leaf.wrt[1:])}" if leaf.wrt else ""
    if value.ndim == 2 and value.shape[::-1] == expected_shape:
        return Diagnosis("transposed", f"{name} has shape {value.shape}; expected {expected_shape}{of}: "
                                       f"it is transposed.", name,
                         explanation=explain("transposed", name, explanations))
    own = f"wrong_shape:{name}" in explanations or (leaf.wrt is not None) or "wrong_shape" in explanations
    if leaf.scalar:
        hint = ("Return one number: a per-sample vector still needs its reduction over the batch (a sum or "
                "a mean), and a (1, 1) product becomes a scalar with .item()." if value.size == 1 else
                "Reduce to one number: a mean (or sum) over the batch.")
        return Diagnosis("wrong_shape", f"{name} has shape {value.shape}; expected a scalar.", name,
                         explanation=explain("wrong_shape", name, explanations)
                         if f"wrong_shape:{name}" in explanations else hint)
    shape_text = "is a scalar" if value.shape == () else f"has shape {value.shape}"
    return Diagnosis("wrong_shape", f"{name} {shape_text}; expected {_shape_text(expected_shape)}{of}.", name,
                     explanation=explain("wrong_shape", name, explanations) if own else
                     "Check the axis you reduce over and whether you kept the dimensions; if you "
                     "flattened an array, reshape the result back.")


def leaf_problem(leaf: Leaf, got: Any, warnings: list,
                 explanations: dict[str, str]) -> tuple[Diagnosis | None, np.ndarray | None]:
    """Checks type, dtype, shape and finiteness; returns (problem, value as float64 array)."""
    problem = _type_problem(leaf, got)
    if problem:
        return problem, None
    value = np.asarray(got)
    if value.shape != np.shape(leaf.expected):
        return _shape_problem(leaf, value, explanations), None
    value = value.astype(np.float64)
    if not np.all(np.isfinite(value)):
        count = int(np.sum(~np.isfinite(value)))
        overflow = [w for w in warnings if "overflow" in w[1]]
        code = "overflow" if overflow else "non_finite"
        return Diagnosis(code, f"{leaf.name} has {count} NaN or inf entr{'y' if count == 1 else 'ies'}"
                               + (f" after numpy warned: {overflow[0][1]}" if overflow else "") + ".", leaf.name,
                         explanation=explain(code, leaf.name, explanations)), None
    return None, value
