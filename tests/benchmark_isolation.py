"""What each piece of isolation costs per child: ``python tests/benchmark_isolation.py [--rounds N]``.

Each round runs, in a shuffled order, a bare ``python -c "import numpy"`` (the floor every check pays today),
a plain fork of this warm process, and a fork that isolates itself with one piece (the others refused),
with all of them refused, and with all of them. A child's time runs from the fork to the moment its whole
process tree is gone; its CPU time is that of the whole tree (steadier than wall time on a busy machine).
Printed: medians over rounds of each child's wall and CPU milliseconds, of their ratios to the numpy floor of
the same round, and of its extra CPU milliseconds over the plain fork and over the fork that refuses every
piece (the fallback machinery: a subreaper fork and a scan of /proc at the end).
"""

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import numpy  # noqa: F401  (warm, as the checker's child is)

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from checker import isolation  # noqa: E402

LANDLOCK = ("filesystem", "tcp", "signals", "abstract_sockets")
LIMITS = ("memory", "cpu_time", "open_files", "file_size")
VARIANTS = {
    "every piece refused": (),
    "user namespace": ("user_namespace",),
    "PID namespace (tree)": ("process_tree",),
    "network namespace": ("network",),
    "rlimits": LIMITS + ("process_count",),
    "capabilities dropped": ("privileges",),
    "Landlock filesystem": ("filesystem",),
    "Landlock all four": LANDLOCK,
    "seccomp (no sockets, no processes)": ("sockets", "new_processes"),
    "tmpfs scratch (mount namespace)": ("scratch_space",),
    "full isolation": isolation.PIECES,
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def numpy_floor() -> tuple[float, float]:
    started, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-c", "import numpy"], check=True)
    return time.perf_counter() - started, _children_cpu() - cpu


def forked(pieces, scratch: str):
    """(wall seconds from fork until the child's whole tree is gone, CPU seconds of that tree);
    pieces None means no isolation at all."""
    read_end, write_end = os.pipe()
    started, cpu = time.perf_counter(), _children_cpu()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        if pieces is not None:
            refuse = frozenset(isolation.PIECES) - frozenset(pieces)
            isolation.isolate(isolation.Policy(scratch=scratch, refuse=refuse))
        os._exit(0)
    os.close(write_end)
    os.read(read_end, 1)  # EOF once every process of the tree has ended
    os.waitpid(pid, 0)  # each process reaped its child, so the tree's CPU time adds up here
    elapsed = time.perf_counter() - started, _children_cpu() - cpu
    os.close(read_end)
    return elapsed


def one_round(scratch: str) -> dict:
    runs = [("numpy floor", numpy_floor), ("plain fork", lambda: forked(None, scratch))]
    runs += [(name, lambda p=pieces: forked(p, scratch)) for name, pieces in VARIANTS.items()]
    random.shuffle(runs)
    return {name: run() for name, run in runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    isolation.prepare()  # the warm process works out the readable paths once, before it forks
    with tempfile.TemporaryDirectory(prefix="kata-bench-") as scratch:
        one_round(scratch)  # warm-up
        rounds = [one_round(scratch) for _ in range(args.rounds)]
    names = ["numpy floor", "plain fork", *VARIANTS]
    print(f"{'child':24} {'wall ms':>8} {'× floor':>8} {'CPU ms':>8} {'× floor':>8} {'CPU ms over':>12} "
          f"{'CPU ms over':>12}   ({args.rounds} paired rounds; medians)")
    print(f"{'':24} {'':>8} {'':>8} {'':>8} {'':>8} {'plain fork':>12} {'all refused':>12}")
    for name in names:
        def median(of):
            return statistics.median(of(r) for r in rounds)
        print(f"{name:24} {median(lambda r: r[name][0]) * 1e3:8.2f} "
              f"{median(lambda r: r[name][0] / r['numpy floor'][0]):8.3f} {median(lambda r: r[name][1]) * 1e3:8.2f} "
              f"{median(lambda r: r[name][1] / r['numpy floor'][1]):8.3f} "
              f"{median(lambda r: r[name][1] - r['plain fork'][1]) * 1e3:12.2f} "
              f"{median(lambda r: r[name][1] - r['every piece refused'][1]) * 1e3:12.2f}")

if __name__ == "__main__":
    main()
