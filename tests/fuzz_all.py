"""Runs the property tests of tests/test_fuzz.py with at least 2,000 examples each (a few minutes):

    python tests/fuzz_all.py [EXAMPLES]
"""
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_fuzz as fuzz  # noqa: E402

PROPERTIES = {
    "channel decoder, random bytes": (fuzz.check_decoder, (fuzz.st.binary(max_size=2000),)),
    "channel decoder, mutated records": (fuzz.check_mutated, (fuzz.trees, fuzz.st.lists(
        fuzz.st.tuples(fuzz.st.integers(0, 10**6), fuzz.st.integers(0, 255)), max_size=8))),
    "report renderer": (fuzz.check_render, (fuzz.any_text, fuzz.st.text(max_size=30), fuzz.any_text,
                                            fuzz.any_text)),
    "option parsing": (fuzz.check_options, (fuzz.st.one_of(fuzz.st.text(max_size=40), fuzz.st.integers().map(str),
                                                          fuzz.st.floats().map(str)),)),
}


def main() -> None:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    for name, (check, strategies) in PROPERTIES.items():
        run = settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck),
                       database=None)(given(*strategies)(check))
        run()
        print(f"{name}: {examples} examples, no failure")


if __name__ == "__main__":
    main()
