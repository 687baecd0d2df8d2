"""The checker tests itself: single-point mutants of every reference solution go through the real check.

    python -m checker.mutation [KATA ...] [--jobs N] [--sample N --seed S] [--list]

A mutant is *killed* when the check fails on seed 0 or, if it passes there, on one of two more seeds;
one that raises while its file is imported is killed too (the checker refuses it) and is counted
apart. A *survivor* is either an equivalent mutant, listed with its reason in
``mutation_equivalent.txt``, or a weakness of the kata's draws or spec, to be fixed there. The last
line of the output is ``mutation score: NN.N%``, killed / (mutants − equivalent) over everything run;
the exit status is 1 when a mutant survives that is not listed as equivalent (or when a kata's
own reference fails its check: then none of its mutants is run, since each would count as killed).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import catalog, check_file
from .mutation_generate import Mutant, generate

EQUIVALENT_FILE = Path(__file__).with_name("mutation_equivalent.txt")
EXTRA_SEEDS = (1, 2)


@dataclass(frozen=True)
class MutantResult:
    """What the check made of one mutant."""

    mutant_id: str
    killed: bool
    refused_at_import: bool = False
    seed: int | None = None  # the seed whose check failed
    code: str = ""  # the first diagnosis code of that check
    error: str = ""  # the checker itself raised: a bug of ours, never a kill


@dataclass
class Tally:
    """One kata's counts; ``survivors`` are (mutant, listed-equivalent reason or "")."""

    kata: str
    mutants: int = 0
    killed: int = 0
    refused: int = 0
    equivalent: int = 0
    survivors: list[tuple[Mutant, str]] = field(default_factory=list)
    errors: list[tuple[Mutant, str]] = field(default_factory=list)
    listed_but_killed: list[Mutant] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def judged(self) -> int:
        return self.mutants - self.equivalent - len(self.errors)


def qualified_id(kata: str, mutant: Mutant) -> str:
    return f"{kata}/{mutant.id}"


@lru_cache(maxsize=64)
def _generated(text: str) -> tuple[Mutant, ...]:
    return tuple(generate(text))


def kata_mutants(kata) -> list[Mutant]:
    """Every mutant of the kata's reference solution (generated once per text of the solution)."""
    return list(_generated(catalog.solution_path(kata).read_text(encoding="utf-8")))


def read_equivalent(path: Path = EQUIVALENT_FILE) -> dict[str, str]:
    """{qualified mutant id: reason} from lines ``<id> | <reason>``; '#' starts a comment line."""
    listed = {}
    if not path.is_file():
        return listed
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        mutant_id, separator, reason = line.rpartition(" | ")
        if not separator or not reason.strip():
            raise ValueError(f"{path.name}:{number}: expected '<mutant id> | <reason>'")
        listed[mutant_id.strip()] = reason.strip()
    return listed


def _raises_at_import(source: str, path: str) -> bool:
    """True when the module raises as it is imported.

    Safe to run here: a mutant is one of our own solutions, whose module body (imports and defs) is
    never mutated; what runs at import beyond that is a keyword default, a literal."""
    try:
        exec(compile(source, path, "exec"), {"__name__": "mutant", "__file__": path})
    except BaseException:  # noqa: BLE001 - any raise at import is a refusal, SystemExit included
        return True
    return False


def judge(kata_name: str, mutant_id: str, source: str) -> MutantResult:
    """Runs one mutant through the real check: seed 0, then the extra seeds while it passes."""
    try:
        with tempfile.TemporaryDirectory(prefix="kata-mutant-") as folder:
            path = str(Path(folder) / f"{kata_name}.py")
            Path(path).write_text(source, encoding="utf-8")
            for seed in (0,) + EXTRA_SEEDS:
                result = check_file(kata_name, path, seed=seed)
                if not result["passed"]:
                    codes = [d.get("code", "") for d in result["diagnoses"]]
                    return MutantResult(mutant_id, True, _raises_at_import(source, path), seed,
                                        codes[0] if codes else "")
            return MutantResult(mutant_id, False)
    except Exception:  # noqa: BLE001 - reported as a checker bug, with its traceback
        return MutantResult(mutant_id, False, error=traceback.format_exc(limit=4).strip().splitlines()[-1])


def reference_fault(kata) -> str:
    """Why the unmutated reference fails its own check on seed 0, or "" when it passes.

    Mutants of a kata whose check refuses its own reference would all count as killed; a checker
    broken that way must not read as a perfect score."""
    result = check_file(kata.name, str(catalog.solution_path(kata)), seed=0)
    if result["passed"]:
        return ""
    first = (result["diagnoses"] or [{"code": "failed", "message": "no diagnosis"}])[0]
    return f"{first.get('code', '')}: {first.get('message', '')}"


def _judge_task(task: tuple[str, str, str]) -> MutantResult:
    return judge(*task)


def run_kata(kata, mutants: list[Mutant], listed: dict[str, str], pool) -> Tally:
    started = time.perf_counter()
    tally = Tally(kata.name, mutants=len(mutants))
    tasks = [(kata.name, m.id, m.source) for m in mutants]
    outcomes = pool.map(_judge_task, tasks) if pool else map(_judge_task, tasks)
    for mutant, outcome in zip(mutants, outcomes):
        reason = listed.get(qualified_id(kata.name, mutant), "")
        if outcome.error:
            tally.errors.append((mutant, outcome.error))
        elif outcome.killed:
            tally.killed += 1
            tally.refused += outcome.refused_at_import
            if reason:
                tally.listed_but_killed.append(mutant)
        else:
            tally.equivalent += bool(reason)
            tally.survivors.append((mutant, reason))
    tally.seconds = time.perf_counter() - started
    return tally


def score(killed: int, judged: int) -> float:
    return 100.0 * killed / judged if judged else 100.0


def render(tally: Tally) -> list[str]:
    lines = [f"{tally.kata:<24} mutants {tally.mutants:4d}  killed {tally.killed:4d} "
             f"(refused at import {tally.refused})  survived {len(tally.survivors) - tally.equivalent:3d}  "
             f"equivalent {tally.equivalent:3d}  score {score(tally.killed, tally.judged):5.1f}%  "
             f"{tally.seconds:6.1f} s"]
    for mutant, reason in tally.survivors:  # one line each: the id, then the line as the mutant reads
        label = "equivalent" if reason else "SURVIVED  "
        lines.append(f"  {label} {qualified_id(tally.kata, mutant)}  |  line {mutant.line}: {mutant.changed_line}")
    for mutant, error in tally.errors:
        lines.append(f"  CHECKER ERROR {qualified_id(tally.kata, mutant)}: {error}")
    for mutant in tally.listed_but_killed:
        lines.append(f"  warning: listed as equivalent but killed: {qualified_id(tally.kata, mutant)}")
    return lines


def stale_ids(listed: dict[str, str], generated: dict[str, list[Mutant]]) -> list[str]:
    """Listed ids of the katas examined (or of no kata at all) that no mutant has any more."""
    known = set(catalog.all_katas())
    existing = {qualified_id(name, m) for name, mutants in generated.items() for m in mutants}
    stale = []
    for mutant_id in listed:
        kata = mutant_id.split("/", 1)[0]
        if (kata in generated or kata not in known) and mutant_id not in existing:
            stale.append(mutant_id)
    return stale


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m checker.mutation", description=__doc__.split("\n\n")[0])
    parser.add_argument("katas", nargs="*", metavar="KATA", help="katas to mutate (default: every kata)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants checked in parallel (default 2)")
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="check N random mutants of each kata")
    parser.add_argument("--seed", type=int, default=0, help="seed of --sample (default 0)")
    parser.add_argument("--list", action="store_true", help="list the mutants without checking them")
    return parser.parse_args(argv)


def select(args: argparse.Namespace) -> dict[str, list[Mutant]] | None:
    """{kata: all of its mutants}; None (after a message) when a name is unknown."""
    katas = catalog.all_katas()
    unknown = [name for name in args.katas if name not in katas]
    if unknown:
        print(f"unknown kata: {', '.join(unknown)}", file=sys.stderr)
        return None
    names = args.katas or list(katas)
    return {name: kata_mutants(katas[name]) for name in names}


def sampled(mutants: list[Mutant], size: int, seed: int, kata: str) -> list[Mutant]:
    if not size or size >= len(mutants):
        return mutants
    chosen = set(random.Random(f"{seed}:{kata}").sample(range(len(mutants)), size))
    return [m for position, m in enumerate(mutants) if position in chosen]


def print_list(generated: dict[str, list[Mutant]], args: argparse.Namespace) -> None:
    count = 0
    for name, mutants in generated.items():
        for mutant in sampled(mutants, args.sample, args.seed, name):
            print(f"{qualified_id(name, mutant)}\n    line {mutant.line}: {mutant.changed_line}")
            count += 1
    print(f"{count} mutants")


def run_all(generated: dict[str, list[Mutant]], args: argparse.Namespace,
            listed: dict[str, str]) -> tuple[list[Tally], list[str]]:
    """(a tally per kata run, the katas whose reference fails), printing each kata as it ends."""
    tallies, broken = [], []
    pool = ProcessPoolExecutor(max_workers=args.jobs) if args.jobs > 1 else None
    try:
        for name, mutants in generated.items():
            fault = reference_fault(catalog.get(name))
            if fault:
                broken.append(name)
                print(f"{name}: the reference solution fails its own check, so its mutants were not run: {fault}")
                continue
            tally = run_kata(catalog.get(name), sampled(mutants, args.sample, args.seed, name), listed, pool)
            fault = reference_fault(catalog.get(name))  # the checker may have changed under the run
            if fault:
                broken.append(name)
                print(f"{name}: the reference solution failed its own check after its mutants ran, so their "
                      f"verdicts are not counted: {fault}")
                continue
            tallies.append(tally)
            print("\n".join(render(tally)), flush=True)
    finally:
        if pool:
            pool.shutdown()
    return tallies, broken


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    generated = select(args)
    if generated is None:
        return 2
    if args.list:
        print_list(generated, args)
        return 0
    listed = read_equivalent()
    started = time.perf_counter()
    tallies, broken = run_all(generated, args, listed)
    for mutant_id in stale_ids(listed, generated):
        print(f"warning: stale entry in {EQUIVALENT_FILE.name} (no such mutant): {mutant_id}")
    killed = sum(t.killed for t in tallies)
    survived = sum(len(t.survivors) - t.equivalent for t in tallies)
    errors = sum(len(t.errors) for t in tallies)
    print(f"total: {sum(t.mutants for t in tallies)} mutants, {killed} killed "
          f"({sum(t.refused for t in tallies)} refused at import), {survived} survived, "
          f"{sum(t.equivalent for t in tallies)} equivalent, {errors} checker errors, "
          f"{len(broken)} katas whose reference fails; wall time {time.perf_counter() - started:.1f} s")
    print(f"mutation score: {score(killed, sum(t.judged for t in tallies)):.1f}%")
    return 1 if survived or errors or broken else 0


if __name__ == "__main__":
    sys.exit(main())
