import json

from rich.table import Table

from .. import catalog, progress, scheduling, workspace
from ..cli import UsageError
from ..report import make_console

HELP = "List every kata with its topic, difficulty, your progress and when it is due for review."
STATUSES = ("new", "attempted", "passed")


def add_arguments(parser) -> None:
    parser.add_argument("--topic", metavar="TOPIC", help="only katas of this topic (e.g. activations)")
    parser.add_argument("--status", choices=STATUSES, help="only katas you have not started, started, or passed")
    parser.add_argument("--due", action="store_true", help="only katas due for review now")
    parser.add_argument("--json", action="store_true", help="print the rows as a JSON list")


def status(name: str, records: dict) -> str:
    record = records.get(name)
    if record and record["passed"]:
        return "passed"
    if record or workspace.attempt_path(catalog.get(name)).exists():
        return "attempted"
    return "new"


def curriculum_by_topic() -> list[str]:
    """Kata names grouped by topic (in the order of catalog.TOPICS), inside a topic in curriculum
    order (prerequisites first, then easy before hard)."""
    katas = catalog.all_katas()
    order = scheduling.curriculum(katas)
    topics = list(catalog.TOPICS) + sorted({k.topic for k in katas.values()} - set(catalog.TOPICS))
    return sorted(order, key=lambda name: (topics.index(katas[name].topic), order.index(name)))


def rows(at: float) -> list[dict]:
    """One row per kata, grouped by topic in curriculum order: name, topic, difficulty, prerequisites,
    status, due (epoch seconds or None)."""
    records = progress.status_by_kata()
    found = []
    katas = catalog.all_katas()
    for name in curriculum_by_topic():
        kata = katas[name]
        record = records.get(name, {})
        ratings = record.get("ratings", [])
        due = scheduling.due(ratings) if ratings and not record.get("open_round") else None
        found.append({"kata": name, "topic": kata.topic, "difficulty": kata.difficulty,
                      "prerequisites": list(kata.prerequisites), "status": status(name, records), "due": due, "is_due": due is not None and due <= at,
                      "title": kata.title})
    return found


def _check_topic(topic: str) -> None:
    topics = sorted({k.topic for k in catalog.all_katas().values()})
    if topic not in topics:
        raise UsageError(f"no topic '{topic}'; the topics are: {', '.join(topics)}")


def run(args) -> int:
    if args.topic:
        _check_topic(args.topic)
    at = progress.now()
    everything = rows(at)
    shown = [r for r in everything if (not args.topic or r["topic"] == args.topic)
             and (not args.status or r["status"] == args.status) and (not args.due or r["is_due"])]
    if args.json:
        print(json.dumps(shown))
        return 0
    console = make_console()
    table = Table(title=None, box=None, header_style="bold", pad_edge=False)
    for column in ("kata", "difficulty", "after", "status", "due", "task"):
        table.add_column(column)
    styles = {"passed": "green", "attempted": "yellow", "new": "dim"}
    topic = None
    for row in shown:
        if row["topic"] != topic:
            topic = row["topic"]
            table.add_row(f"[bold]{topic}[/]", "", "", "", "", "")
        due = scheduling.when_text(row["due"], at) if row["due"] is not None else "—"
        due = "[bold yellow]due[/]" if row["is_due"] else f"[dim]{due}[/]"
        after = ", ".join(row["prerequisites"]) or "—"
        table.add_row(f"  {row['kata']}", row["difficulty"], f"[dim]{after}[/]",
                      f"[{styles[row['status']]}]{row['status']}[/]", due, row["title"])
    if shown:
        console.print(table)
    else:
        console.print("[dim]No kata matches.[/]")
    done = sum(r["status"] == "passed" for r in everything)
    due_now = sum(r["is_due"] for r in everything)
    console.print(f"[dim]{done}/{len(everything)} passed · {due_now} due · kata next says what to do now[/]")
    return 0
