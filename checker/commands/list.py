from rich.table import Table

from .. import catalog, progress, workspace
from ..report import make_console

HELP = "List every kata with its topic, difficulty and your progress."


def add_arguments(parser) -> None:
    pass


def status(name: str, records: dict) -> str:
    record = records.get(name)
    if record and record["passed"]:
        return "passed"
    kata = catalog.get(name)
    if record or workspace.attempt_path(kata).exists():
        return "attempted"
    return "new"


def run(args) -> int:
    console = make_console()
    records = progress.status_by_kata()
    table = Table(title=None, box=None, header_style="bold", pad_edge=False)
    for column in ("kata", "topic", "difficulty", "status", "task"):
        table.add_column(column)
    styles = {"passed": "green", "attempted": "yellow", "new": "dim"}
    for name, kata in catalog.all_katas().items():
        state = status(name, records)
        table.add_row(name, kata.topic, kata.difficulty, f"[{styles[state]}]{state}[/]", kata.title)
    console.print(table)
    done = sum(status(n, records) == "passed" for n in catalog.all_katas())
    console.print(f"[dim]{done}/{len(catalog.all_katas())} passed · kata start NAME to begin one[/]")
    return 0
