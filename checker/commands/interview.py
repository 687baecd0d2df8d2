import json
import random
import time

from rich.live import Live
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .. import catalog, engine, progress, workspace
from ..catalog import DIFFICULTY_ORDER
from ..cli import UsageError
from ..report import FAIL, PASS, display_path, make_console, render_check as render_full_check

HELP = ("A timed mock interview: a warm-up, a main kata and, with time, a stretch. While the clock runs, "
        "kata check says pass or fail per check and nothing more; --stop (or the clock) ends it with a scorecard.")
ROLES = ("warm-up", "main", "stretch")
STRETCH_MINUTES = 40  # below this, two katas are already a full interview


def add_arguments(parser) -> None:
    parser.add_argument("--minutes", type=float, default=45, help="length of the interview (default 45)")
    parser.add_argument("--topic", help="draw the katas from this topic only")
    parser.add_argument("--level", choices=tuple(DIFFICULTY_ORDER), help="difficulty of the main kata")
    parser.add_argument("--seed", type=int, help="which katas are drawn (default: a new draw each time)")
    parser.add_argument("--stop", action="store_true", help="end the running interview and show the scorecard")
    parser.add_argument("--history", action="store_true", help="every earlier interview and how it went")
    parser.add_argument("--json", action="store_true", help="print the plan, scorecard or history as JSON")


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


# --- what a check says while the clock runs ---------------------------------------------------------

def forbids(kata_name: str) -> bool:
    """True while an interview of this kata runs: no hints, no solution, no diagnosis."""
    running = progress.running_interview()
    return bool(running and kata_name in running["katas"])


def as_the_interviewer_says(result: dict) -> dict:
    """While an interview runs, a check of one of its katas says pass or fail per check and nothing more."""
    running = progress.running_interview()
    if not running or result["kata"] not in running["katas"]:
        return result
    checks = [{"name": row["name"], "passed": row["passed"], "skipped": row.get("skipped", False),
               "max_rel_error": None} for row in result["checks"]]
    return {"kata": result["kata"], "passed": result["passed"], "seed": result["seed"],
            "seconds": result["seconds"], "file": result.get("file", ""), "checks": checks, "diagnoses": [],
            "interview": {"id": running["id"], "ends": running["ends"]}}


def render_check(result: dict, console) -> None:
    left = clock_text(result["interview"]["ends"] - progress.now())
    header = Text()
    header.append(result["kata"], style="bold")
    header.append(f" · {display_path(result['file'])} · interview · {left} left", style="dim")
    console.print(header)
    for row in result["checks"]:
        if row["skipped"]:
            console.print(Text(f"  · {row['name']} (not checked)", style="dim"))
        else:
            mark, style = (PASS, "green") if row["passed"] else (FAIL, "red")
            console.print(Text(f"  {mark} ", style=style) + Text(row["name"]))
    verdict = "pass" if result["passed"] else "not yet"
    console.print(Text(f"  {verdict} — the interviewer says no more until kata interview --stop",
                       style="bold green" if result["passed"] else "bold"))


# --- the plan ------------------------------------------------------------------------------------------

def choose(katas: dict, minutes: float, level: str | None, rng: random.Random) -> dict[str, str]:
    """{role: kata}: a warm-up easier than the main kata, and a stretch harder than it if time allows."""
    by_level: dict[int, list[str]] = {}
    for name, kata in katas.items():
        by_level.setdefault(DIFFICULTY_ORDER.get(kata.difficulty, 9), []).append(name)
    levels = sorted(by_level)
    main_level = DIFFICULTY_ORDER[level] if level else (levels[1] if len(levels) > 1 else levels[0])
    if main_level not in by_level:
        raise UsageError(f"no {level} kata to draw from; try another --level or --topic")
    plan = {"main": rng.choice(by_level[main_level])}
    easier = [n for lv in levels if lv <= main_level for n in by_level[lv] if n != plan["main"]]
    if easier:
        lowest = min(DIFFICULTY_ORDER.get(katas[n].difficulty, 9) for n in easier)
        plan["warm-up"] = rng.choice([n for n in easier if DIFFICULTY_ORDER.get(katas[n].difficulty) == lowest])
    harder = [n for lv in levels if lv >= main_level for n in by_level[lv] if n not in plan.values()]
    if minutes >= STRETCH_MINUTES and harder:
        highest = [n for n in harder if DIFFICULTY_ORDER.get(katas[n].difficulty) > main_level] or harder
        plan["stretch"] = rng.choice(highest)
    return {role: plan[role] for role in ROLES if role in plan}


def _start(args, console) -> int:
    if args.minutes <= 0:
        raise UsageError("--minutes must be a positive number")
    katas = catalog.all_katas()
    if args.topic:
        katas = {n: k for n, k in katas.items() if k.topic == args.topic}
        if not katas:
            topics = sorted({k.topic for k in catalog.all_katas().values()})
            raise UsageError(f"no topic '{args.topic}'; the topics are: {', '.join(topics)}")
    roles = choose(katas, args.minutes, args.level, random.Random(args.seed))
    for name in roles.values():  # a blank page, as in the room; the earlier attempt is archived
        workspace.write_attempt(catalog.get(name), workspace.pristine_stub(catalog.get(name)))
    running = progress.start_interview({"katas": list(roles.values()), "roles": roles, "minutes": args.minutes},
                                       args.minutes)
    if running is None:
        return 1
    if args.json:
        print(json.dumps(running))
        return 0
    _state_the_tasks(running, console)
    return _countdown(running, console)


def _state_the_tasks(running: dict, console) -> None:
    console.print(Text(f"Mock interview · {running['minutes']:g} minutes · "
                       f"ends at {time.strftime('%H:%M', time.localtime(running['ends']))}", style="bold"))
    console.print(Text("Each kata starts from a fresh stub (earlier attempts are archived). Until the end, kata "
                       "check says pass or fail per check: no diagnosis, no hints, no solution.", style="dim"))
    for role, name in running["roles"].items():
        kata = catalog.get(name)
        path = display_path(str(workspace.attempt_path(kata)))
        console.print(Panel(Text(catalog.task_statement(kata)), title=f"{role}: {kata.title}",
                            subtitle=f"{path} · kata check {name}", title_align="left", subtitle_align="left"))


# --- the clock -----------------------------------------------------------------------------------------

def _status_line(running: dict) -> Text:
    line = Text(f"⏱ {clock_text(running['ends'] - progress.now())} left", style="bold")
    for role, name in running["roles"].items():
        tries = _tries(running, name)
        mark = (f" {PASS}", "green") if any(t["passed"] for t in tries) else (
            (f" {FAIL}×{len(tries)}", "red") if tries else (" —", "dim"))
        line.append(f" · {role} {name}")
        line.append(*mark)
    return line


def _countdown(running: dict, console) -> int:
    """Shows the clock until it runs out (then the scorecard) or Ctrl-C (the clock keeps running)."""
    if not console.is_terminal:
        console.print(Text("kata interview shows the clock · kata interview --stop ends it", style="dim"))
        return 0
    try:
        with Live(_status_line(running), console=console, refresh_per_second=4, transient=True) as live:
            while progress.now() < running["ends"]:
                if progress.running_interview() is None:  # stopped from another terminal
                    console.print("The interview was stopped.")
                    return 0
                live.update(_status_line(running))
                time.sleep(0.25)
    except KeyboardInterrupt:
        console.print(Text("The clock keeps running: kata interview shows it again, kata interview --stop "
                           "ends it.", style="dim"))
        return 0
    card = finish(running, running["ends"])
    render_scorecard(card, console, full=True)
    return 0


# --- the scorecard -------------------------------------------------------------------------------------

def _tries(running: dict, name: str) -> list[dict]:
    return [a for a in progress.attempts_of(name, running["started"]) if a["interview"] == running["id"]]


def scorecard(running: dict, stopped: float) -> dict:
    rows = []
    for role, name in running["roles"].items():
        tries = _tries(running, name)
        first_pass = next((t for t in tries if t["passed"]), None)
        first_fail = next((t for t in tries if not t["passed"]), None)
        rows.append({"role": role, "kata": name, "attempts": len(tries), "passed": first_pass is not None,
                     "first_pass_seconds": first_pass["at"] - running["started"] if first_pass else None,
                     "first_failing_check": first_fail["failed_check"] if first_fail else None,
                     "last_codes": [c for c in (tries[-1]["codes"] or "").split(",") if c] if tries else []})
    return {"id": running["id"], "started": running["started"], "stopped": stopped, "minutes": running["minutes"],
            "passed": sum(r["passed"] for r in rows), "total": len(rows), "katas": rows}


def _rating(row: dict) -> int | None:
    """As in practice: a first-try pass is Easy, a pass after failed checks Good, no pass Again."""
    if not row["attempts"]:
        return None
    if row["passed"]:
        return progress.EASY if row["attempts"] == 1 else progress.GOOD
    return progress.AGAIN


def finish(running: dict, at: float) -> dict:
    card = scorecard(running, at)
    ratings = {row["kata"]: _rating(row) for row in card["katas"] if _rating(row) is not None}
    progress.stop_interview(running["id"], at, card, ratings)
    return card


def settle() -> dict | None:
    """Ends an interview whose clock ran out while nobody watched; returns its scorecard."""
    expired = progress.running_interview(expired=True)
    return finish(expired, expired["ends"]) if expired else None


def _last_checks(card: dict) -> list[dict]:
    """The full verdict on each kata's file as the interview left it (recorded nowhere)."""
    found = []
    for row in card["katas"]:
        kata = catalog.get(row["kata"])
        path = workspace.attempt_path(kata)
        if row["attempts"] and path.is_file():
            found.append(engine.check_file(kata, str(path), seed=card["id"]))
    return found


def _comparison(card: dict) -> str:
    earlier = [i["scorecard"] for i in progress.past_interviews() if i["id"] != card["id"] and i["scorecard"]]
    if not earlier:
        return "Your first interview: the next ones are compared with it."
    best = max(c["passed"] / max(c["total"], 1) for c in earlier)
    last = earlier[-1]
    when = time.strftime("%Y-%m-%d", time.localtime(last["started"]))
    verdict = "your best so far" if card["passed"] / max(card["total"], 1) > best else "not above your best"
    return (f"Earlier: {len(earlier)} interview(s); the last {last['passed']}/{last['total']} on {when}. "
            f"This one is {verdict}.")


def render_scorecard(card: dict, console, full: bool) -> None:
    console.print(Text(f"Scorecard · {card['minutes']:g} min · {card['passed']}/{card['total']} passed",
                       style="bold"))
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("role", "kata", "attempts", "first pass", "first failing check"):
        table.add_column(column)
    for row in card["katas"]:
        first = f"{row['first_pass_seconds'] / 60:.0f} min" if row["passed"] else "—"
        name = f"[green]{row['kata']}[/]" if row["passed"] else f"[red]{row['kata']}[/]"
        table.add_row(row["role"], name, str(row["attempts"]), first, row["first_failing_check"] or "—")
    console.print(table)
    console.print(Text(_comparison(card), style="dim"))
    if full:
        results = _last_checks(card)
        if results:
            console.print(Text("The last attempt of each, with everything the checker saw:", style="bold"))
        for result in results:
            render_full_check(result, console)


def render_history(cards: list[dict], console) -> None:
    if not cards:
        console.print("No interview yet: kata interview starts one.")
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("date", "minutes", "passed", "katas"):
        table.add_column(column)
    for card in cards:
        marks = ", ".join(f"{r['kata']} {PASS if r['passed'] else FAIL}" for r in card["katas"])
        table.add_row(time.strftime("%Y-%m-%d %H:%M", time.localtime(card["started"])), f"{card['minutes']:g}",
                      f"{card['passed']}/{card['total']}", marks)
    console.print(table)


def run(args) -> int:
    console = make_console()
    settled = settle()
    if args.history:
        cards = [i["scorecard"] for i in progress.past_interviews() if i["scorecard"]]
        if args.json:
            print(json.dumps(cards))
        else:
            render_history(cards, console)
        return 0
    running = progress.running_interview()
    if args.stop:
        if running is None and settled is None:
            console.print("No interview is running: kata interview starts one.")
            return 1
        card = finish(running, progress.now()) if running else settled
    elif running is not None:
        if args.json:
            print(json.dumps(running))
            return 0
        console.print(_status_line(running))
        return _countdown(running, console)
    elif settled is not None:
        card = settled  # the clock ran out since the last look
    else:
        return _start(args, console)
    if args.json:
        print(json.dumps({**card, "last_checks": _last_checks(card)}))
    else:
        render_scorecard(card, console, full=True)
    return 0
