import json

from rich.text import Text

from .. import catalog, progress, scheduling, workspace
from ..report import display_path, make_console
from . import interview

HELP = ("What to practise now: due reviews first (spaced repetition on your verdicts), then katas in progress, "
        "then new ones in curriculum order.")


def add_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print the proposal as one JSON object")
    parser.add_argument("--peek", action="store_true", help="only say what is next; touch no file")


def _touched(kata) -> bool:
    """An attempt file that is more than the pristine stub (an interview lays out stubs it may not reach)."""
    path = workspace.attempt_path(kata)
    return path.exists() and path.read_text(encoding="utf-8") != workspace.pristine_stub(kata)


def propose(at: float) -> dict | None:
    """The best thing to do at ``at`` (see scheduling.plan), or None when nothing is due and nothing new."""
    interview.settle()  # an interview whose clock ran out rates its katas first
    katas = catalog.all_katas()
    started = {name for name, kata in katas.items() if _touched(kata)}
    history = progress.history()
    choices = scheduling.plan(katas, history, at, started)
    if not choices:
        return None
    choice = dict(choices[0])
    record = history.get(choice["kata"], {})
    choice["last_rating"] = scheduling.rating_name(record["ratings"][-1][1]) if record.get("ratings") else None
    return choice


def prepare(choice: dict) -> dict:
    """Readies the workspace: a review gets a fresh stub (the old attempt archived), a new kata its stub."""
    kata = catalog.get(choice["kata"])
    path, archived = workspace.attempt_path(kata), None
    if choice["reason"] == scheduling.REVIEW:
        path, archived = workspace.write_attempt(kata, workspace.pristine_stub(kata))
        progress.open_round(kata.name, "review")
    elif choice["reason"] == scheduling.NEW:
        if not path.exists():
            path, _ = workspace.write_attempt(kata, workspace.pristine_stub(kata))
        progress.open_round(kata.name, "start")
    return {**choice, "path": str(path), "archived": str(archived) if archived else None}


def _caught_up(at: float, console) -> None:
    soonest = scheduling.upcoming(progress.history(), at)
    console.print(Text("Nothing due and nothing new: every kata is passed.", style="bold green"))
    if soonest:
        console.print(Text(f"  next review: {soonest['kata']} {scheduling.when_text(soonest['due'], at)}",
                           style="dim"))


def render(choice: dict, at: float, console) -> None:
    kata = catalog.get(choice["kata"])
    if choice["reason"] == scheduling.REVIEW:
        why = f"review, due {scheduling.when_text(choice['due'], at)}"
        if choice["last_rating"]:
            why += f"; last time: {choice['last_rating']}"
    elif choice["reason"] == scheduling.CONTINUE:
        why = "in progress"
    else:
        why = "new"
    line = Text()
    line.append(kata.name, style="bold")
    line.append(f" · {why} · {kata.topic} · {kata.difficulty} · {kata.title}")
    console.print(line)
    if choice.get("path"):
        console.print(Text(f"  {display_path(choice['path'])}"))
    if choice.get("archived"):
        console.print(Text(f"  a fresh stub; your last attempt is kept as {display_path(choice['archived'])}",
                           style="dim"))
    console.print(Text(f"  kata show {kata.name} · kata watch {kata.name} · kata check {kata.name}", style="dim"))


def run(args) -> int:
    at = progress.now()
    choice = propose(at)
    if choice is not None and not args.peek:
        choice = prepare(choice)
    if args.json:
        soonest = scheduling.upcoming(progress.history(), at) if choice is None else None
        print(json.dumps({"at": at, "next": choice, "upcoming": soonest}))
        return 0
    console = make_console()
    if choice is None:
        _caught_up(at, console)
    else:
        render(choice, at, console)
    return 0
