"""``check("relu_backward", relu_backward)``: checks functions that live in the caller (a notebook
cell, a script). They are written, with what they need (their source, which for a cell is in
``linecache``; the imports, plain constants and helpers of the caller's they use), into a module in a
private temporary folder, and that file goes through the check of ``kata check --file``, in the same
sandboxed child: same verdict, and the caller's process never runs the code under test. Locations
in the report point back at the cell or the script, not at the temporary file.
"""

from __future__ import annotations

import ast
import dis
import inspect
import io
import linecache
import os
import random
import sys
import tempfile
import textwrap
import types
from dataclasses import dataclass, field
from typing import NamedTuple

from rich.console import Console
from rich.text import Text

from . import catalog, engine, sandbox
from .report import make_console, render_check
from .result import Diagnosis, Result, Row

REPORT_WIDTH = 120  # as the CLI's report when not on a terminal
# The <pre> rich itself uses for output in a notebook cell.
HTML_FORMAT = ('<pre style="white-space:pre;overflow-x:auto;line-height:normal;'
               "font-family:Menlo,'DejaVu Sans Mono',consolas,'Courier New',monospace\">{code}</pre>")
_GLOBAL_LOADS = {"LOAD_GLOBAL", "LOAD_NAME", "LOAD_FROM_DICT_OR_GLOBALS"}


class NotebookResult(Result):
    """The result of :func:`check`: a :class:`Result` (``.passed``, ``.diagnoses``, ``.to_json()``, the
    same data as ``kata check --json``) that shows its report in a notebook cell, or when printed."""

    def _render(self, *, colour: bool, record: bool = False) -> Console:
        """The report rendered into a string (never straight into a cell, as rich does in a kernel)."""
        console = Console(file=io.StringIO(), width=REPORT_WIDTH, force_terminal=colour, force_jupyter=False,
                          color_system="truecolor" if colour else None, record=record, highlight=False,
                          soft_wrap=True)
        render_check(self.to_json(), console)
        return console

    def text(self) -> str:
        """The report as plain text, without colour."""
        return self._render(colour=False).file.getvalue()

    def html(self) -> str:
        """The coloured report as an HTML fragment, as rich shows output in a notebook."""
        return self._render(colour=True, record=True).export_html(inline_styles=True, code_format=HTML_FORMAT)

    def show(self) -> None:
        """Prints the report on the terminal (or in the cell), in colour where it can."""
        render_check(self.to_json(), make_console())

    def __rich__(self) -> Text:
        return Text.from_ansi(self._render(colour=True).file.getvalue())

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {"text/plain": self.text(), "text/html": self.html()}

    def __str__(self) -> str:
        return self.text()

    __repr__ = __str__


def check(name: str, *objects, namespace: dict | None = None, seed: int | None = None,
          timeout: float | None = None) -> NotebookResult:
    """Checks the caller's own functions (or class) for kata ``name``, as ``kata check`` checks a file.

    Inputs:
    - name: the kata, e.g. "relu_backward"
    - objects: the functions or class you wrote, e.g. ``relu_backward``, matched to the kata by name;
      for a kata of one function, a single function of another name is checked as that one. Other
      functions passed are sent along as helpers.
    - namespace: where to look up the kata's functions you do not pass (default: where check is called)
    - seed: the seed of the random inputs (default: a new one; the report says how to replay it)
    - timeout: seconds the code may run (default: the kata's)

    Returns:
    - a NotebookResult: ``.passed``, ``.diagnoses``, ``.to_json()``; a notebook cell shows its report,
      ``print`` prints it.
    """
    try:
        kata = catalog.get(name)
    except catalog.UnknownKata as unknown:
        hint = f"; did you mean {', '.join(unknown.suggestions)}?" if unknown.suggestions else ""
        raise LookupError(f"no kata named {name!r}{hint} (kata list shows them)") from None
    caller = sys._getframe(1)
    if namespace is None:
        namespace = {**caller.f_globals, **caller.f_locals}
    seed = random.SystemRandom().randrange(10_000) if seed is None else int(seed)
    chosen, helpers, refusals = _choose(kata, objects, namespace)
    module = _ModuleBuilder()
    for required, obj in chosen.items():
        module.add(obj)
        if obj.__name__ != required:
            module.aliases.append(f"{required} = {obj.__name__}")
    for helper in helpers:
        module.add(helper)
    module.problems[:0] = refusals
    where = module.origin_of(next(iter(chosen.values()), None)) or _origin_label(caller.f_code.co_filename)
    if module.problems:
        result = Result(kata.name, where, seed, rows=[Row("your code can be sent to the checker", False)],
                        diagnoses=module.problems[:1])
    else:
        result = _run(kata, module, seed=seed, timeout=timeout, where=where)
        _explain_missing(result, kata)
    arguments = "".join(f", {_name(o)}" for o in objects)
    result.replay = f'check("{kata.name}"{arguments}, seed={seed})'
    return NotebookResult(**vars(result))


def _name(obj) -> str:
    return str(getattr(obj, "__name__", type(obj).__name__))


def _choose(kata, objects: tuple, namespace: dict) -> tuple[dict, list, list[Diagnosis]]:
    """({kata function: the object checked as it}, helpers passed, diagnoses of what cannot be sent)."""
    chosen, helpers, refusals = {}, [], []
    for obj in objects:
        reason = _refusal(obj)
        if reason:
            named = _name(obj) if _name(obj) in kata.functions or len(kata.functions) > 1 else kata.functions[0]
            refusals.append(_cannot_check(named, reason))
        elif obj.__name__ in kata.functions:
            chosen[obj.__name__] = obj
        else:
            helpers.append(obj)
    if len(kata.functions) == 1 and not chosen and len(helpers) == 1:
        chosen[kata.functions[0]] = helpers.pop()
    for required in kata.functions:
        if required in chosen or required not in namespace or refusals:
            continue
        reason = _refusal(namespace[required])
        if reason:
            refusals.append(_cannot_check(required, reason))
        else:
            chosen[required] = namespace[required]
    return chosen, helpers, refusals


def _cannot_check(name: str, reason: str) -> Diagnosis:
    return Diagnosis("missing_function", f"`{name}` cannot be checked: {reason}.", explanation=_SOURCE_HELP)


def _refusal(obj) -> str:
    """Why ``obj`` is not a function or class of the user's that can be sent to the checker, or ''."""
    if inspect.ismethod(obj):
        return "it is a bound method; pass a function defined with def, or the class itself"
    if inspect.isfunction(obj):
        if obj.__name__ == "<lambda>":
            return "it is a lambda; write it with def (def name(...): return ...)"
        if obj.__code__.co_freevars:
            return (f"it uses variables of the function it is defined in ({', '.join(obj.__code__.co_freevars)}); "
                    "define it at the top level of a cell or file")
        return ""
    if inspect.isclass(obj):
        return "it is a built-in class, not one written in Python" if obj.__module__ == "builtins" else ""
    kind = f"{type(obj).__module__}.{type(obj).__qualname__}".replace("builtins.", "")
    return f"it is a {kind}, not a function written in Python; define your own with def"


def _explain_missing(result: Result, kata) -> None:
    """The child says "your file defines no function"; here the function was neither passed nor found."""
    for diagnosis in result.diagnoses:
        if diagnosis.code != "missing_function":
            continue
        name = next((f for f in kata.functions if f"`{f}`" in diagnosis.message), kata.functions[0])
        diagnosis.message = f"no function named `{name}` reached the checker: pass it to check() or define it " \
                            f"where you call check()."
        diagnosis.explanation = (f"check({kata.name!r}, {', '.join(kata.functions)}) sends the functions you pass; "
                                 f"keep the stub's names and signatures (kata show {kata.name}).")


def _run(kata, module: "_ModuleBuilder", *, seed: int, timeout: float | None, where: str) -> Result:
    """The file check of the gathered module, with faults located in the caller's source."""
    text, segments = module.render()
    timeout = timeout or kata.timeout
    with tempfile.TemporaryDirectory(prefix="kata-notebook-") as folder:
        path = os.path.join(folder, f"{kata.name}.py")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)

        def runner(calls: list[sandbox.Call]) -> sandbox.SandboxRun:
            run = sandbox.run_calls(path, calls, seed=seed, timeout=timeout)
            for fault in [run.import_fault] + [outcome.fault for outcome in run.outcomes]:
                if fault is not None:
                    _point_at_caller(fault, path, segments)
            return run
        return engine.run_kata(kata, runner, seed=seed, file=where, timeout=timeout,
                               defaults=catalog.stub_defaults(kata))


def _point_at_caller(fault: sandbox.Fault, path: str, segments: list["_Segment"]) -> None:
    """Moves a fault's location from the generated module to the cell or file the line came from."""
    if not fault.file or os.path.realpath(fault.file) != os.path.realpath(path):
        return
    segment = next((s for s in segments if fault.line and s.first <= fault.line < s.first + s.count), None)
    if segment is None:  # a line the checker wrote (an import): no line of the user's to show
        fault.file, fault.line, fault.offset = None, None, None
        return
    fault.line = segment.origin_first + fault.line - segment.first
    fault.file = segment.origin
    fault.code = linecache.getline(segment.filename, fault.line).rstrip("\n") or fault.code
    if fault.offset:
        fault.offset += segment.indent


def _origin_label(filename: str) -> str:
    """A notebook cell as IPython names it in tracebacks ("Cell In[3]"), else the file's path."""
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    try:
        named = shell.compile.format_code_name(filename) if shell is not None else None
    except AttributeError:
        named = None
    return " ".join(named) if named else filename


def _source(obj) -> tuple[str, tuple] | str:
    """(the definition's source, dedented, and (label, filename, first line, indent)), or why not."""
    code = obj.__code__ if inspect.isfunction(obj) else _class_code(obj)
    try:
        filename = code.co_filename if code else inspect.getsourcefile(obj)
    except (TypeError, OSError):
        filename = None
    if not filename:
        return "it is not defined in Python source"
    linecache.checkcache(filename)
    lines = linecache.getlines(filename)
    if not lines:
        return "its code was typed at an interactive prompt or made by exec, so its source cannot be read"
    node = _definition_node(obj, code, "".join(lines))
    if node is not None:
        first = min([node.lineno] + [d.lineno for d in node.decorator_list])
        block = lines[first - 1:node.end_lineno]
    elif code is not None:  # the file holds a syntax error now: the child will show it at its line
        first = code.co_firstlineno
        block = _indented_block(lines, first)
    else:
        return "its definition cannot be found in its source"
    text = textwrap.dedent("".join(block))
    indent = len(block[0]) - len(text.splitlines()[0]) if text.strip() else 0
    return text, (_origin_label(filename), filename, first, indent)


def _indented_block(lines: list[str], first: int) -> list[str]:
    """From ``first`` (a decorator or the def) to the next line indented no deeper: the block as read."""
    indent = len(lines[first - 1]) - len(lines[first - 1].lstrip())
    end = first
    while end < len(lines) and not lines[end - 1].lstrip().startswith(("def ", "async def ", "class ")):
        end += 1  # past the decorators, to the def or class line
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line.lstrip().startswith("#") and len(line) - len(line.lstrip()) <= indent:
            break
        end += 1
    return lines[first - 1:end]


def _definition_node(obj, code: types.CodeType | None, source: str) -> ast.AST | None:
    """The def or class statement of ``obj`` in its file or cell."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    kinds = (ast.ClassDef,) if inspect.isclass(obj) else (ast.FunctionDef, ast.AsyncFunctionDef)
    candidates = [n for n in ast.walk(tree) if isinstance(n, kinds) and n.name == obj.__name__]
    if inspect.isfunction(obj):
        return next((n for n in candidates
                     if code.co_firstlineno in {n.lineno, *(d.lineno for d in n.decorator_list)}), None)
    if code is not None:  # the innermost class of that name around one of its methods
        around = [n for n in candidates if n.lineno <= code.co_firstlineno <= n.end_lineno]
        return max(around, key=lambda n: n.lineno) if around else None
    return candidates[-1] if candidates else None


class _Segment(NamedTuple):
    """Lines of the generated module copied from the caller's source: the first of them and how many, the
    cell ("Cell In[3]") or file they come from, its name in linecache, its first line, the columns removed."""

    first: int
    count: int
    origin: str
    filename: str
    origin_first: int
    indent: int


@dataclass
class _ModuleBuilder:
    """Gathers the caller's definitions and what they use, in an order that imports."""

    imports: dict[str, None] = field(default_factory=dict)  # lines, in order, each once
    constants: dict[str, None] = field(default_factory=dict)
    definitions: list[tuple[object, str, tuple]] = field(default_factory=list)  # (obj, source, origin)
    aliases: list[str] = field(default_factory=list)
    problems: list[Diagnosis] = field(default_factory=list)
    seen: set = field(default_factory=set)

    def add(self, obj) -> None:
        """Adds ``obj``'s source after everything it uses (depth first)."""
        if id(obj) in self.seen:
            return
        self.seen.add(id(obj))
        found = _source(obj)
        if isinstance(found, str):
            self.problems.append(_cannot_check(obj.__name__, found))
            return
        text, origin = found
        scope = _globals_of(obj)
        for name in sorted(_names_used(text) - {obj.__name__}):
            if name in scope:
                self._use(obj, name, scope[name])
        self.definitions.append((obj, text, origin))

    def _use(self, user, name: str, value) -> None:
        if isinstance(value, types.ModuleType):
            self.imports[f"import {value.__name__}" + ("" if name == value.__name__ else f" as {name}")] = None
        elif (inspect.isfunction(value) or inspect.isclass(value)) and _carried(value, user):
            if _refusal(value):
                self._refuse(user, name, value, _refusal(value))
            else:
                self.add(value)
        elif _importable(value):
            alias = "" if name == value.__name__ else f" as {name}"
            self.imports[f"from {value.__module__} import {value.__name__}{alias}"] = None
        elif _literal(value) is not None:
            self.constants[f"{name} = {_literal(value)}"] = None
        else:
            self._refuse(user, name, value, "")

    def _refuse(self, user, name: str, value, reason: str) -> None:
        kind = f"{type(value).__module__}.{type(value).__qualname__}".replace("builtins.", "")
        self.problems.append(Diagnosis(
            "import_error", f"{user.__name__} uses `{name}`, a {kind} of yours that cannot be sent to the "
                            f"process that runs your code{': ' + reason if reason else ''}.",
            explanation="Only functions and classes you wrote, imported modules and plain constants (numbers, "
                        "strings, tuples) travel with your code. Pass the value as an argument, or build it "
                        "inside the function."))

    def origin_of(self, obj) -> str:
        return next((origin[0] for definition, _, origin in self.definitions if definition is obj), "")

    def render(self) -> tuple[str, list[_Segment]]:
        """The module's text and where each copied definition came from."""
        lines = [*self.imports, *self.constants, ""]
        segments = []
        for _, text, (label, filename, first, indent) in self.definitions:
            body = text.splitlines()
            segments.append(_Segment(len(lines) + 1, len(body), label, filename, first, indent))
            lines += body + [""]
        return "\n".join(lines + self.aliases) + "\n", segments


_SOURCE_HELP = ("The checker runs your code in a separate process, from its source. Define the function with "
                "def in a notebook cell or a file, run that cell, and call check again.")


def _class_code(cls) -> types.CodeType | None:
    """The code of a method written in the class's own body: it says where the class is defined."""
    return next((f.__code__ for f in _methods(cls) if f.__qualname__.startswith(cls.__qualname__ + ".")), None)


def _methods(cls) -> list[types.FunctionType]:
    found = [getattr(v, "__func__", getattr(v, "fget", v)) for v in vars(cls).values()]
    return [f for f in found if inspect.isfunction(f)]


def _globals_of(obj) -> dict:
    """The namespace the definition's global names are read from (a notebook's is its user namespace)."""
    if inspect.isfunction(obj):
        return obj.__globals__
    methods = _methods(obj)
    return methods[0].__globals__ if methods else getattr(sys.modules.get(obj.__module__), "__dict__", {})


def _carried(value, user) -> bool:
    """Whether a function or class the code uses is the caller's own, to copy rather than import."""
    return value.__module__ in ("__main__", user.__module__) or not _importable(value)


def _importable(value) -> bool:
    module, name = getattr(value, "__module__", None), getattr(value, "__name__", None)
    if not isinstance(module, str) or not isinstance(name, str) or module == "__main__":
        return False
    # Only modules already loaded: looking a name up must not run anyone's code in this process.
    return getattr(sys.modules.get(module), name, None) is value


def _literal(value) -> str | None:
    """Python source that evaluates to ``value``, for plain constants only."""
    if hasattr(value, "item") and type(value).__module__ == "numpy" and getattr(value, "shape", None) == ():
        value = value.item()
    try:
        text = repr(value)
        return text if ast.literal_eval(text) == value and len(text) < 10_000 else None
    except Exception:
        return None


def _names_used(text: str) -> set[str]:
    """Global names a definition's code reads (decorators, defaults, bases and bodies included)."""
    try:
        code = compile(text, "<check>", "exec")
    except (SyntaxError, ValueError):
        return set()  # the child reports the syntax error, at its line in the caller's source
    names, pending = set(), [code]
    while pending:
        current = pending.pop()
        names |= {i.argval for i in dis.get_instructions(current) if i.opname in _GLOBAL_LOADS}
        pending += [c for c in current.co_consts if isinstance(c, types.CodeType)]
    return names
