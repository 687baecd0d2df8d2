"""False alarms by seed sweep: every right answer must pass on every seed.

    python tests/sweep_seeds.py [KATA ...] [--seeds 200] [--training-seeds 50] [--jobs 2]

Checks each kata's reference solution and every ``tests/answers/NAME/right_*.py`` on seeds
0 .. N-1. A training kata gets ``--training-seeds`` instead (at most ``--seeds``); it is told by its
checks, never by its name: every check an outcome, or a check that takes over two seconds (the
fastest of its files on seed 0). Prints each failure (kata, file, seed, first diagnosis code and
message), a summary per kata and the wall time; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from checker import catalog, check_file

ANSWERS = Path(__file__).resolve().parent / "answers"
SLOW_CHECK_SECONDS = 2.0


def answer_files(kata) -> list[Path]:
    """The reference solution first, then the right answers written differently."""
    return [catalog.solution_path(kata)] + sorted((ANSWERS / kata.name).glob("right_*.py"))


def only_outcomes(kata) -> bool:
    return all(type(check).__name__ == "Outcome" for check in kata.checks)


def run_check(task: tuple[str, str, int]) -> tuple[str, str, int, bool, str, str, float]:
    """(kata, file, seed, passed, first code, first message, seconds) of one check."""
    name, path, seed = task
    started = time.perf_counter()
    try:
        result = check_file(name, path, seed=seed)
    except Exception as error:  # noqa: BLE001 - a crash of the checker is a failure to report
        return name, path, seed, False, "internal_error", f"{type(error).__name__}: {error}", 0.0
    seconds = time.perf_counter() - started
    diagnoses = result["diagnoses"]
    code = diagnoses[0].get("code", "") if diagnoses else ""
    message = diagnoses[0].get("message", "") if diagnoses else "failed with no diagnosis"
    return name, path, seed, bool(result["passed"]), code, message, seconds


def display(path: str) -> str:
    path = Path(path)
    return f"{path.parent.name}/{path.name}"


def report_failure(record) -> None:
    name, path, seed, _, code, message, _ = record
    first_line = (message.splitlines() or [""])[0][:160]
    print(f"FAIL {name:<24} {display(path):<48} seed {seed:<4} {code}: {first_line}", flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("katas", nargs="*", metavar="KATA", help="katas to sweep (default: every kata)")
    parser.add_argument("--seeds", type=int, default=200, help="seeds 0..N-1 for most katas (default 200)")
    parser.add_argument("--training-seeds", type=int, default=50, help="seeds for training katas (default 50)")
    parser.add_argument("--jobs", type=int, default=2, help="checks run in parallel (default 2)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    katas = catalog.all_katas()
    unknown = [name for name in args.katas if name not in katas]
    if unknown:
        print(f"unknown kata: {', '.join(unknown)}", file=sys.stderr)
        return 2
    chosen = [katas[name] for name in (args.katas or katas)]
    started = time.perf_counter()
    failures: dict[str, int] = {kata.name: 0 for kata in chosen}
    seeds_run: dict[str, int] = {}
    training_katas: set[str] = set()
    checks_run: dict[str, int] = {kata.name: 0 for kata in chosen}
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        # Seed 0 first: it also measures how long one check of each kata takes. The fastest of its
        # files is the measure, the one least inflated by other work on the machine.
        first = [(kata.name, str(path), 0) for kata in chosen for path in answer_files(kata)]
        fastest: dict[str, float] = {}
        for record in pool.map(run_check, first):
            name, passed, seconds = record[0], record[3], record[6]
            fastest[name] = min(fastest.get(name, seconds), seconds)
            checks_run[name] += 1
            if not passed:
                failures[name] += 1
                report_failure(record)
        rest = []
        for kata in chosen:
            if only_outcomes(kata) or fastest[kata.name] > SLOW_CHECK_SECONDS:
                training_katas.add(kata.name)
            training_seeds = min(args.training_seeds, args.seeds)  # never more than the others get
            seeds_run[kata.name] = training_seeds if kata.name in training_katas else args.seeds
            rest += [(kata.name, str(path), seed) for seed in range(1, seeds_run[kata.name])
                     for path in answer_files(kata)]
        for record in pool.map(run_check, rest, chunksize=4):
            name, passed = record[0], record[3]
            checks_run[name] += 1
            if not passed:
                failures[name] += 1
                report_failure(record)
    print()
    for kata in chosen:
        training = " (training)" if kata.name in training_katas else ""
        print(f"{kata.name:<24} {len(answer_files(kata)):2d} files x {seeds_run[kata.name]:3d} seeds  "
              f"{checks_run[kata.name]:5d} checks  {failures[kata.name]:3d} failures{training}")
    total = sum(failures.values())
    print(f"{sum(checks_run.values())} checks, {total} failures; wall time {time.perf_counter() - started:.1f} s")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
