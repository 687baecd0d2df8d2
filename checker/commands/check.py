import json
import random
from pathlib import Path

from .. import catalog, engine, progress, workspace
from ..cli import UsageError
from ..report import display_path, make_console, render_check
from . import interview

HELP = "Check your answer: run it on random inputs and compare with finite differences."


def add_arguments(parser) -> None:
    parser.add_argument("name", nargs="?", help="the kata, e.g. relu_backward")
    parser.add_argument("--all", action="store_true", help="check every kata you have started")
    parser.add_argument("--file", metavar="PATH", help="check this file instead of your workspace attempt")
    parser.add_argument("--seed", type=int, help="seed of the random inputs (to replay a failure)")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    parser.add_argument("--timeout", type=float, metavar="S", help="seconds your code may run (default 10)")


def _check_one(kata, path: Path, seed: int, timeout, explicit_file: bool) -> dict:
    result = engine.check_file(kata, str(path), seed=seed, timeout=timeout)
    replay = f"kata check {kata.name} --seed {seed}"
    if explicit_file:
        replay += f" --file {display_path(str(path))}"
    result["replay"] = replay
    if path.resolve() != catalog.solution_path(kata).resolve():
        progress.record_check(result)
    return interview.as_the_interviewer_says(result)  # in a mock interview: pass or fail per check, no more


def render(result: dict, console) -> None:
    if result.get("interview"):
        interview.render_check(result, console)
    else:
        render_check(result, console)


def run(args) -> int:
    if args.timeout is not None and args.timeout <= 0:
        raise UsageError("--timeout must be a positive number of seconds")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10_000)
    if args.all:
        if args.name or args.file:
            raise UsageError("--all checks every started kata; give no NAME or --file with it")
        return _check_all(args, seed)
    if not args.name:
        raise UsageError("which kata? kata check NAME (kata list shows them), or kata check --all")
    kata = catalog.get(args.name)
    if args.file:
        path = Path(args.file)
        if not path.is_file():
            raise UsageError(f"no file at {args.file}")
    else:
        path = workspace.attempt_path(kata)
        if not path.is_file():
            raise UsageError(f"you have not started {kata.name}: kata start {kata.name} (or pass --file PATH)")
    result = _check_one(kata, path, seed, args.timeout, bool(args.file))
    if args.json:
        print(json.dumps(result))
    else:
        render(result, make_console())
    return 0 if result["passed"] else 1


def _check_all(args, seed: int) -> int:
    results = []
    for kata in catalog.all_katas().values():
        path = workspace.attempt_path(kata)
        if path.is_file():
            results.append(_check_one(kata, path, seed, args.timeout, False))
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
