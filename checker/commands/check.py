import importlib
import json
import re
import secrets
from pathlib import Path

from .. import catalog, engine, warm, workspace
from ..cli import UsageError
from ..text import display_path

# rich (the report) and the interview are imported where they are used: a check loads what it needs, no more.

HELP = "Check your answer: run it on random inputs and compare with finite differences."


def add_arguments(parser) -> None:
    parser.add_argument("name", nargs="?", help="the kata, e.g. relu_backward")
    parser.add_argument("--all", action="store_true", help="check every kata you have started")
    parser.add_argument("--file", metavar="PATH", help="check this file instead of your workspace attempt")
    # Read as text and checked in run(), so a bad value is one line of ours, not argparse's usage block.
    parser.add_argument("--seed", help="seed of the random inputs (to replay a failure)")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    parser.add_argument("--timeout", metavar="S", help="seconds your code may run (default 10)")
    parser.add_argument("--memory", metavar="SIZE", help="memory your code may use: 512M, 4G, ... (default 2G)")


def _check_one(kata, path: Path, seed: int, timeout, explicit_file: bool, child=None,
               memory: int | None = None) -> tuple[dict, dict | None]:
    """(the result to show, the result to record in the progress store: None for the reference solution)."""
    result = engine.check_file(kata, str(path), seed=seed, timeout=timeout, child=child, memory=memory)
    replay = f"kata check {kata.name} --seed {seed}"
    if explicit_file:
        replay += f" --file {display_path(str(path))}"
    result["replay"] = replay
    recorded = result if path.resolve() != catalog.solution_path(kata).resolve() else None
    from .. import progress  # loaded while the answer runs (see run)

    if not progress.running_interview():
        return result, recorded
    from . import interview

    return interview.as_the_interviewer_says(result), recorded  # in an interview: pass or fail per check


def _kata(name: str):
    """The kata's spec, importing its one module when the name is one (catalog.get imports them all)."""
    module_name = f"{catalog.specs.__name__}.{name}"
    if name.isidentifier() and not name.startswith("_"):
        try:
            kata = getattr(importlib.import_module(module_name), "KATA", None)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
        else:
            if getattr(kata, "name", None) == name:
                return kata
    return catalog.get(name)  # unknown: the catalog suggests the closest names


def make_console():
    from ..report import make_console

    return make_console()


def render(result: dict, console) -> None:
    if result.get("interview"):
        from . import interview

        interview.render_check(result, console)
    else:
        from ..report import render_check

        render_check(result, console)


MAX_SEED, MAX_TIMEOUT = 2**63, 3600.0


def seed_option(text, option: str = "--seed") -> int | None:
    """An integer in [0, 2**63), from the command line (None when not given); a UsageError otherwise."""
    if text is None:
        return None
    try:
        value = int(str(text).strip(), 10)
    except ValueError:
        raise UsageError(f"{option} must be a whole number, not {str(text)[:40]!r}") from None
    if not 0 <= value < MAX_SEED:
        raise UsageError(f"{option} must be between 0 and 2**63 - 1")
    return value


MEMORY_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}
LEAST_MEMORY, MOST_MEMORY = 256 * 2**20, 2**40


def memory_option(text, option: str = "--memory") -> int | None:
    """Bytes of address space, from 512M, 4G, 1.5G or a number of bytes (None when not given)."""
    if text is None:
        return None
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:I?B)?\s*", str(text), re.IGNORECASE)
    if not found:
        raise UsageError(f"{option} must be a size such as 512M or 4G, not {str(text)[:40]!r}")
    value = int(float(found.group(1)) * MEMORY_UNITS[found.group(2).upper()])
    if not LEAST_MEMORY <= value <= MOST_MEMORY:
        raise UsageError(f"{option} must be between 256M and 1T")
    return value


def seconds_option(text, option: str = "--timeout", most: float = MAX_TIMEOUT) -> float | None:
    """A finite number of seconds in (0, most], from the command line (None when not given)."""
    if text is None:
        return None
    try:
        value = float(str(text).strip())
    except ValueError:
        raise UsageError(f"{option} must be a number of seconds, not {str(text)[:40]!r}") from None
    if not 0 < value <= most:  # also false for nan
        raise UsageError(f"{option} must be more than 0 and at most {most:g} seconds")
    return value


def run(args) -> int:
    args.seed, args.timeout = seed_option(args.seed), seconds_option(args.timeout)
    args.memory = memory_option(args.memory)
    seed = args.seed if args.seed is not None else secrets.randbelow(10_000)
    if args.all:
        if args.name or args.file:
            raise UsageError("--all checks every started kata; give no NAME or --file with it")
        return _check_all(args, seed)
    if not args.name:
        raise UsageError("which kata? kata check NAME (kata list shows them), or kata check --all")
    path = Path(args.file) if args.file else workspace.attempt_path_of(args.name)
    if args.file and not path.is_file():
        raise UsageError(f"no file at {args.file}")
    # The child starts first: it isolates itself and imports the answer while the kata loads here.
    child = None
    if catalog.is_kata_name(args.name) and path.is_file():
        child = engine.start_child(args.name, str(path), seed=seed, timeout=args.timeout, memory=args.memory)
    try:
        return _check_and_report(args, _kata(args.name), path, seed, child)
    finally:
        if child is not None:
            child.close()


def _check_and_report(args, kata, path: Path, seed: int, child) -> int:
    if not path.is_file():
        raise UsageError(f"you have not started {kata.name}: kata start {kata.name} (or pass --file PATH)")
    ahead = getattr(args, "report_ahead", None)
    # What comes after the check loads on this core while the answer runs on the other.
    warm.meanwhile(lambda: importlib.import_module("..progress", __package__))
    if not args.json and ahead is None:
        warm.meanwhile(lambda: importlib.import_module("..report", __package__))
    result, recorded = _check_one(kata, path, seed, args.timeout, bool(args.file), child, args.memory)
    if args.json:
        print(json.dumps(result))
    sent = not args.json and not result.get("interview") and ahead is not None and ahead.send(result)
    _record(recorded)  # while the report process prints
    if not args.json and not (sent and ahead.wait()):
        render(result, make_console())
    return 0 if result["passed"] else 1


def check_and_record(kata, path: Path, seed: int, timeout, explicit_file: bool = False,
                     memory: int | None = None) -> dict:
    """The result to show of one check, recorded in the progress store (watch mode's check)."""
    result, recorded = _check_one(kata, path, seed, timeout, explicit_file, memory=memory)
    _record(recorded)
    return result


def _record(result: dict | None) -> None:
    if result is not None:
        from .. import progress

        progress.record_check(result)


def _check_all(args, seed: int) -> int:
    results = []
    for kata in catalog.all_katas().values():
        path = workspace.attempt_path(kata)
        if path.is_file():
            results.append(check_and_record(kata, path, seed, args.timeout, memory=args.memory))
    if args.json:
        print(json.dumps({"seed": seed, "results": results, "passed": all(r["passed"] for r in results)}))
    else:
        console = make_console()
        if not results:
            console.print("No attempts yet: kata start NAME to begin one.")
        for result in results:
            render(result, console)
            console.print()
        passed = sum(r["passed"] for r in results)
        console.print(f"{passed}/{len(results)} started katas pass", highlight=False)
    return 0 if results and all(r["passed"] for r in results) else 1
