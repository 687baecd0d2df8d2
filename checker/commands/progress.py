import json
import sys
import time
from pathlib import Path

from rich.table import Table
from rich.text import Text

from .. import catalog, progress, scheduling
from ..cli import UsageError
from ..report import make_console
from . import interview

HELP = "How far you have come: per topic and per kata, days practised, the streak; --export/--import the store."


def add_arguments(parser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="print the same data as one JSON object")
    group.add_argument("--export", metavar="FILE",
                       help="write everything the store holds to FILE as JSON (- for stdout)")
    group.add_argument("--import", dest="import_file", metavar="FILE",
                       help="merge an export into this workspace's store (rows it already has are skipped)")


def _days(times: list[float]) -> list[str]:
    return sorted({time.strftime("%Y-%m-%d", time.localtime(at)) for at in times})


def streak(times: list[float], at: float) -> int:
    """Consecutive days practised, ending today (or yesterday, if today is still to come)."""
    days = set(_days(times))
    count, day = 0, at
    if time.strftime("%Y-%m-%d", time.localtime(day)) not in days:
        day -= 86400
    while time.strftime("%Y-%m-%d", time.localtime(day)) in days:
        count, day = count + 1, day - 86400
    return count


def _kata_row(name: str, kata, record: dict) -> dict:
    ratings = record.get("ratings", [])
    first, first_pass = record.get("first"), record.get("first_pass")
    return {"kata": name, "topic": kata.topic, "passed": record.get("passed", False),
            "attempts": record.get("attempts", 0),
            "first_pass_seconds": first_pass - first if first_pass is not None and first is not None else None,
            "hints": record.get("hints", 0), "solutions": record.get("solutions", 0),
            "last_practised": record.get("last"),
            "next_review": scheduling.due(ratings) if ratings and not record.get("open_round") else None,
            "last_rating": scheduling.rating_name(ratings[-1][1]) if ratings else None,
            "in_progress": bool(record.get("open_round"))}


def summary(at: float) -> dict:
    """Everything `kata progress` shows, JSON-ready; times are epoch seconds."""
    history = progress.history()
    katas = [_kata_row(name, kata, history.get(name, {})) for name, kata in catalog.all_katas().items()]
    topics: dict[str, dict] = {}
    for row in katas:
        entry = topics.setdefault(row["topic"], {"topic": row["topic"], "passed": 0, "total": 0})
        entry["passed"] += row["passed"]
        entry["total"] += 1
    times = progress.practice_days()
    return {"at": at, "passed": sum(r["passed"] for r in katas), "total": len(katas),
            "days_practised": len(_days(times)), "streak": streak(times, at),
            "topics": list(topics.values()), "katas": katas}


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds / 60:.0f} min" if seconds < 86400 else f"{seconds / 86400:.0f} d"


def render(data: dict, console) -> None:
    at = data["at"]
    days = data["days_practised"]
    console.print(Text(f"{data['passed']}/{data['total']} katas passed · {days} day{'s' * (days != 1)} practised · "
                       f"streak {data['streak']} day{'s' * (data['streak'] != 1)}", style="bold"))
    for topic in data["topics"]:
        bar = "█" * topic["passed"] + "░" * (topic["total"] - topic["passed"])
        console.print(Text(f"  {topic['topic']:<18} {bar:<8} {topic['passed']}/{topic['total']}"))
    seen = [row for row in data["katas"] if row["attempts"] or row["hints"] or row["solutions"]]
    if not seen:
        console.print(Text("No practice yet: kata next tells you where to begin.", style="dim"))
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("kata", "attempts", "first pass", "hints", "solutions", "last practised", "next review"):
        table.add_column(column)
    for row in seen:
        review = "in progress" if row["in_progress"] else scheduling.when_text(row["next_review"], at)
        if row["next_review"] is not None and row["next_review"] <= at:
            review = f"[yellow]due ({review})[/]"
        rating = f" [dim]{row['last_rating']}[/]" if row["last_rating"] else ""
        name = f"[green]{row['kata']}[/]" if row["passed"] else row["kata"]
        table.add_row(name, str(row["attempts"]), _duration(row["first_pass_seconds"]), str(row["hints"]),
                      str(row["solutions"]), scheduling.when_text(row["last_practised"], at), review + rating)
    console.print(table)


def _export(target: str) -> int:
    data = progress.export_data()
    if data is None:
        return 1
    text = json.dumps(data, indent=1)
    if target == "-":
        print(text)
        return 0
    Path(target).write_text(text + "\n", encoding="utf-8")
    counts = ", ".join(f"{len(data[t])} {t}" for t in progress.TABLES)
    make_console().print(f"Exported {counts} to {target}", markup=False)
    return 0


def _import(source: str) -> int:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        added = progress.import_data(json.loads(text))
    except FileNotFoundError:
        raise UsageError(f"no file at {source}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot import {source}: {exc}") from None
    if added is None:
        return 1
    make_console().print("Imported " + ", ".join(f"{n} {t}" for t, n in added.items()), markup=False)
    return 0


def run(args) -> int:
    if args.export:
        return _export(args.export)
    if args.import_file:
        return _import(args.import_file)
    interview.settle()
    data = summary(progress.now())
    if args.json:
        print(json.dumps(data))
    else:
        render(data, make_console())
    return 0
