"""How long `kata check` takes on each reference solution, as a ratio to a baseline measured in
the same run: starting a Python process that imports numpy (the floor of any sandboxed check).

    python tests/benchmark_checks.py [--repeat 5]

Ratios, not seconds, are the figure to compare between machines; the seconds are printed too so
the "well under a second" promise can be read off directly.
"""
import argparse
import statistics
import subprocess
import sys
import time

from checker import catalog
from checker.engine import check_file


def baseline_seconds() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-I", "-c", "import numpy"], check=True)
    return time.perf_counter() - started


def check_seconds(name: str) -> float:
    kata = catalog.get(name)
    started = time.perf_counter()
    result = check_file(kata, str(catalog.solution_path(kata)), seed=0)
    elapsed = time.perf_counter() - started
    if not result["passed"]:
        raise SystemExit(f"{name}: the reference solution did not pass")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("names", nargs="*", help="katas to time (default: all)")
    args = parser.parse_args()
    names = args.names or list(catalog.all_katas())
    baseline = statistics.median(baseline_seconds() for _ in range(args.repeat))
    print(f"baseline (python + numpy start): {baseline * 1000:.0f} ms")
    print(f"{'kata':<24} {'median':>9} {'ratio':>7}")
    for name in names:
        seconds = statistics.median(check_seconds(name) for _ in range(args.repeat))
        print(f"{name:<24} {seconds * 1000:>7.0f} ms {seconds / baseline:>6.1f}×")


if __name__ == "__main__":
    main()
