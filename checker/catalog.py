"""The catalog: every kata's spec entry, found by name, and where its stub and solution live."""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import specs

if TYPE_CHECKING:  # the spec's vocabulary loads with the first spec entry, not with the catalog
    from .spec import Kata

PACKAGE_DIR = Path(__file__).resolve().parent
DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}
# The order topics are learned in: what a backward pass is made of, then what it is assembled into.
TOPICS = ("activations", "losses", "layers", "normalization", "networks", "recurrent", "optimizers",
          "gradient checking", "autograd", "training")


class UnknownKata(LookupError):
    def __init__(self, name: str, suggestions: list[str]):
        super().__init__(name)
        self.name = name
        self.suggestions = suggestions


def is_kata_name(name: str) -> bool:
    """Whether ``name`` has a spec entry (without importing it)."""
    return name.isidentifier() and not name.startswith("_") and (Path(specs.__file__).parent / f"{name}.py").is_file()


def child_modules(name: str) -> list[str]:
    """The module of the kata's code that runs in the child (its drivers, the functions its calls pass by
    reference), where it has one: ``checker/specs/_NAME_child.py``, which holds nothing of the checking."""
    module = f"_{name}_child"
    return [f"{specs.__name__}.{module}"] if (Path(specs.__file__).parent / f"{module}.py").is_file() else []


def resource_dir(kind: str) -> Path:
    """``katas`` or ``solutions``: bundled inside an installed wheel, or beside the package in a checkout."""
    bundled = PACKAGE_DIR / "_bundled" / kind
    return bundled if bundled.is_dir() else PACKAGE_DIR.parent / kind


def source_checkout() -> Path | None:
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").is_file() and (root / "katas").is_dir() else None


@lru_cache(maxsize=None)
def all_katas() -> dict[str, Kata]:
    import pkgutil

    found = {}
    for module_info in sorted(pkgutil.iter_modules(specs.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):  # a part of a spec entry kept in a file of its own
            continue
        module = importlib.import_module(f"{specs.__name__}.{module_info.name}")
        kata = module.KATA
        if kata.name != module_info.name:
            raise ValueError(f"spec module {module_info.name} defines kata {kata.name!r}")
        found[kata.name] = kata
    return dict(sorted(found.items(), key=lambda item: (DIFFICULTY_ORDER.get(item[1].difficulty, 9), item[0])))


def get(name: str) -> Kata:
    katas = all_katas()
    if name in katas:
        return katas[name]
    import difflib

    suggestions = difflib.get_close_matches(name, katas, n=3, cutoff=0.5)
    suggestions += [k for k in katas if name and name in k and k not in suggestions][:3]
    raise UnknownKata(name, suggestions[:3])


def stub_path(kata: Kata) -> Path:
    return resource_dir("katas") / f"{kata.name}.py"


def solution_path(kata: Kata) -> Path:
    return resource_dir("solutions") / f"{kata.name}.py"


def task_statement(kata: Kata) -> str:
    """The stub's module docstring: the task as an interviewer would state it."""
    import ast


    return ast.get_docstring(ast.parse(stub_path(kata).read_text(encoding="utf-8"))) or ""


def signatures(kata: Kata) -> list[tuple[str, str]]:
    """(signature, docstring) of each function the user writes, read from the stub."""
    import ast


    source = stub_path(kata).read_text(encoding="utf-8")
    tree = ast.parse(source)
    found = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in kata.functions:
            if isinstance(node, ast.FunctionDef):
                text = f"def {node.name}({ast.unparse(node.args)})"
            else:
                text = f"class {node.name}"
            found.append((text, ast.get_docstring(node) or ""))
    return found


def stub_defaults(kata: Kata) -> dict[str, dict]:
    """{function: {keyword: default}} as the stub states them: defaults are part of the contract."""
    import ast


    tree = ast.parse(stub_path(kata).read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in kata.functions:
            args = node.args.args[len(node.args.args) - len(node.args.defaults):]
            defaults = {a.arg: ast.literal_eval(d) for a, d in zip(args, node.args.defaults)}
            defaults.update({a.arg: ast.literal_eval(d) for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults)
                             if d is not None})
            found[node.name] = defaults
    return found
