"""What a check costs, as a ratio to the floor of any sandboxed check measured in the same round: starting a
Python process that imports numpy.

    python tests/benchmark_checks.py [--rounds 9] [--kata relu_backward] [--katas NAME ...]

1. ``kata check NAME``, one fresh process per call, through the installed ``kata`` script as a user runs it
   (``python -m checker`` where it is not installed), warm (its child forked from a warm process) and cold
   (KATA_WARM=0: a fresh interpreter per child, the fallback).
2. Repeated checks in one process (the test suite, mutation testing): full isolation, with each piece of it
   refused in turn (KATA_ISOLATION_REFUSE), and with every piece refused; a piece's cost is what refusing it
   saves.
3. With --katas: the in-process check of each reference solution.

Every round runs its variants in a shuffled order beside its own floor, and the figures are medians over
rounds of the per-round ratios: the machine may be shared and busy, and paired ratios are what stay steady.
The package's bytecode is compiled first, as an installed package has it.
"""
import argparse
import compileall
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker import catalog, isolation  # noqa: E402
from checker.engine import check_file  # noqa: E402

PIECE_GROUPS = {
    "user namespace": ("user_namespace",),
    "PID namespace (tree)": ("process_tree",),
    "network namespace": ("network",),
    "rlimits": ("memory", "cpu_time", "open_files", "file_size", "process_count"),
    "capabilities dropped": ("privileges",),
    "Landlock (all four)": ("filesystem", "tcp", "signals", "abstract_sockets"),
    "seccomp (no sockets, no processes)": ("sockets", "new_processes"),
    "tmpfs scratch (mount namespace)": ("scratch_space",),
}


def timed(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def floor_seconds(env: dict) -> float:
    return timed([sys.executable, "-c", "import numpy"], env)


def median_ratios(rounds: list[dict], names: list[str]) -> dict:
    return {name: statistics.median(r[name] / r["floor"] for r in rounds) for name in names}


def kata_command() -> list[str]:
    """The installed `kata` script beside this interpreter, as a user runs it (else python -m checker)."""
    script = shutil.which("kata", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-m", "checker"]


def cli_rounds(kata: str, rounds: int) -> list[dict]:
    """Each round: the floor, and `kata check` warm and cold, as fresh processes on a started attempt."""
    home = tempfile.mkdtemp(prefix="kata-bench-")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["KATA_HOME"] = home
    subprocess.run([sys.executable, "-m", "checker", "start", kata], env=env, stdout=subprocess.DEVNULL, check=True)
    spec = catalog.get(kata)
    shutil.copy(catalog.solution_path(spec), Path(home) / f"{kata}.py")
    command = kata_command() + ["check", kata, "--seed", "1"]
    variants = {"floor": lambda: floor_seconds(env), "check": lambda: timed(command, env),
                "check, cold": lambda: timed(command, dict(env, KATA_WARM="0"))}
    found = []
    for index in range(rounds + 1):
        order = list(variants)
        random.shuffle(order)
        result = {name: variants[name]() for name in order}
        if index:  # the first round warms the disk cache
            found.append(result)
    shutil.rmtree(home, ignore_errors=True)
    return found


def in_process_seconds(spec, refuse: tuple = (), warm: bool = True) -> float:
    os.environ[isolation.REFUSE_VARIABLE] = ",".join(refuse)
    os.environ["KATA_WARM"] = "1" if warm else "0"
    started = time.perf_counter()
    result = check_file(spec, str(catalog.solution_path(spec)), seed=1)
    elapsed = time.perf_counter() - started
    if not result["passed"]:
        raise SystemExit(f"{spec.name}: the reference solution did not pass")
    return elapsed


def in_process_rounds(kata: str, rounds: int) -> list[dict]:
    spec = catalog.get(kata)
    variants = {"floor": lambda: floor_seconds(dict(os.environ)), "full isolation": lambda: in_process_seconds(spec),
                "every piece refused": lambda: in_process_seconds(spec, isolation.PIECES),
                "cold, full isolation": lambda: in_process_seconds(spec, warm=False)}
    variants.update({f"{name} refused": lambda p=pieces: in_process_seconds(spec, p)
                     for name, pieces in PIECE_GROUPS.items()})
    found = []
    for index in range(rounds + 1):
        order = list(variants)
        random.shuffle(order)
        result = {name: variants[name]() for name in order}
        if index:
            found.append(result)
    return found


def report_cli(kata: str, rounds: int) -> None:
    found = cli_rounds(kata, rounds)
    ratios = median_ratios(found, ["check", "check, cold"])
    floor = statistics.median(r["floor"] for r in found)
    print(f"kata check {kata}, a fresh process per call ({rounds} paired rounds; medians)")
    print(f"  numpy floor (python -c 'import numpy')  {floor * 1e3:7.0f} ms  1.00×")
    for name, ratio in ratios.items():
        seconds = statistics.median(r[name] for r in found)
        print(f"  {name:40} {seconds * 1e3:7.0f} ms  {ratio:.2f}×")


def report_in_process(kata: str, rounds: int) -> None:
    found = in_process_rounds(kata, rounds)
    names = [n for n in found[0] if n != "floor"]
    ratios = median_ratios(found, names)
    print(f"\nrepeated checks of {kata} in one process ({rounds} paired rounds; medians, × numpy floor)")
    for name in ("full isolation", "every piece refused", "cold, full isolation"):
        print(f"  {name:40} {statistics.median(r[name] for r in found) * 1e3:7.0f} ms  {ratios[name]:.3f}×")
    print("  cost of each piece (full isolation minus the check with it refused):")
    for name in PIECE_GROUPS:
        saved = [(r["full isolation"] - r[f"{name} refused"]) for r in found]
        share = [(r["full isolation"] - r[f"{name} refused"]) / r["floor"] for r in found]
        print(f"    {name:38} {statistics.median(saved) * 1e3:+7.1f} ms  {statistics.median(share):+.3f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--kata", default="relu_backward", help="the small kata timed in parts 1 and 2")
    parser.add_argument("--katas", nargs="*", help="also time these katas in-process (none given: all)")
    args = parser.parse_args()
    compileall.compile_dir(str(Path(catalog.__file__).parent), quiet=1)
    report_cli(args.kata, args.rounds)
    report_in_process(args.kata, args.rounds)
    if args.katas is not None:
        names = args.katas or list(catalog.all_katas())
        floor = statistics.median(floor_seconds(dict(os.environ)) for _ in range(args.rounds))
        print(f"\nin-process check of each reference solution (median of {args.rounds}; floor {floor * 1e3:.0f} ms)")
        for name in names:
            seconds = statistics.median(in_process_seconds(catalog.get(name)) for _ in range(args.rounds))
            print(f"  {name:24} {seconds * 1e3:7.0f} ms  {seconds / floor:5.2f}×")


if __name__ == "__main__":
    main()
