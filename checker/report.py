"""Renders a check's result (the JSON of DESIGN.md) for people. It only reads the result."""

from __future__ import annotations

import os

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text as _RichText

from .text import display_path, inert

PASS, FAIL, SKIP = "✓", "✗", "·"
MAX_DIAGNOSES = 3


class Text(_RichText):
    """Every piece of the report is one of these: text that came from the answer (a message, a source
    line, a file name) reaches the terminal inert (checker/text.py), whatever the result holds."""

    def __init__(self, text: str = "", style: str = ""):
        super().__init__(inert(text, keep_newlines=True), style=style)

    def append(self, text, style=None):
        return super().append(inert(text, keep_newlines=True) if isinstance(text, str) else text, style)


def make_console(stderr: bool = False) -> Console:
    # rich already drops colour when NO_COLOR is set or the output is not a terminal.
    tty = os.isatty(2 if stderr else 1)
    return Console(stderr=stderr, highlight=False, soft_wrap=not tty, width=None if tty else 120)


def _error_text(value: float | None) -> str:
    if value is None:
        return ""
    if value == float("inf"):
        return "max rel. error inf"
    return f"max rel. error {value:.2g}"


def _number(value: float) -> str:
    return f"{value: .6g}" if abs(value) < 1e6 else f"{value: .4e}"


def _check_table(result: dict) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False)
    table.add_column(width=3, no_wrap=True)
    table.add_column()
    table.add_column(style="dim")
    for row in result["checks"]:
        if row["skipped"]:
            mark, style = SKIP, "dim"
        elif row["passed"]:
            mark, style = PASS, "green"
        else:
            mark, style = FAIL, "red"
        detail = row.get("detail") or ""
        error = _error_text(row.get("max_rel_error"))
        detail = " · ".join(x for x in (detail, error) if x)
        name = row["name"] + (" (not checked)" if row["skipped"] else "")
        table.add_row(Text(f" {mark}", style=style), Text(name, style="dim" if row["skipped"] else ""),
                      Text(detail))
    return table


def _diagnosis_block(diagnosis: dict) -> list:
    parts: list = []
    headline = Text()
    headline.append(f"{FAIL} ", style="bold red")
    headline.append(diagnosis["message"], style="bold")
    headline.append(f" — {diagnosis['code']}", style="red")
    parts.append(headline)
    location = diagnosis.get("location")
    if location and location.get("line"):
        where = Text("  ")
        where.append(f"{display_path(location.get('file') or '')}:{location['line']}", style="cyan")
        parts.append(where)
        if location.get("code"):
            parts.append(Text("    " + location["code"].rstrip()))
            offset = location.get("offset")
            if offset:
                indent = len(location["code"]) - len(location["code"].lstrip())
                parts.append(Text("    " + " " * min(max(offset - 1, indent), 300) + "^", style="red"))
    if diagnosis.get("explanation"):
        parts.append(Text("  " + diagnosis["explanation"]))
    call = diagnosis.get("evidence", {}).get("call")
    if call and diagnosis["code"] in ("exception", "timeout", "crashed"):
        parts.append(Text(f"  called as {call}", style="dim"))
    worst = diagnosis.get("worst") or []
    if worst:
        table = Table(box=None, padding=(0, 2), pad_edge=False, show_edge=False, header_style="dim")
        table.add_column("    draw", style="dim")
        table.add_column("index")
        table.add_column("yours", justify="right")
        table.add_column("expected", justify="right")
        for entry in worst:
            index = "[" + ", ".join(map(str, entry["index"])) + "]" if entry["index"] else "()"
            table.add_row(Text("    " + entry["draw"]), Text(index), Text(_number(entry["yours"])),
                          Text(_number(entry["expected"])))
        parts.append(table)
    return parts


def render_check(result: dict, console: Console) -> None:
    name, seed = result["kata"], result["seed"]
    header = Text()
    header.append(name, style="bold")
    header.append(f" · {display_path(result['file'])} · seed {seed} · {result['seconds']:.2f} s", style="dim")
    console.print(header)
    if result["passed"]:
        worst = [r["max_rel_error"] for r in result["checks"] if r.get("max_rel_error") is not None]
        summary = f"{PASS} all {len(result['checks'])} checks passed"
        if worst:
            summary += f" (max rel. error {max(worst):.1g})"
        console.print(Text(summary, style="bold green"))
        console.print(Text("  kata list for the next one · kata solution "
                           f"{name} to compare with the reference", style="dim"))
        return
    console.print(_check_table(result))
    diagnoses = result["diagnoses"]
    for diagnosis in diagnoses[:MAX_DIAGNOSES]:
        console.print(Group(*_diagnosis_block(diagnosis)))
    if len(diagnoses) > MAX_DIAGNOSES:
        console.print(Text(f"  … and {len(diagnoses) - MAX_DIAGNOSES} more (--json shows all)", style="dim"))
    output = (result.get("output") or "").strip()
    if output:
        lines = output.splitlines()[-8:]
        console.print(Text("  your code printed (last lines):", style="dim"))
        for line in lines:
            console.print(Text("    " + line, style="dim"))
    replay = result.get("replay") or f"kata check {name} --seed {seed}"
    console.print(Text(f"  kata hint {name} · replay: {replay}", style="dim"))
