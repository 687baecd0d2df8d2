"""expect: sign_flip

Tries to leave files where the parent reads later: a module in the checker's package, a reference
solution, a module in numpy's package, an attempt in the workspace. Every write is refused; the verdict
is the one of its wrong answer.
"""
import os
from pathlib import Path

import numpy as np

checkout = Path(__file__).resolve().parents[2]
targets = [checkout / "checker" / "_attack_planted.py", checkout / "solutions" / "_attack_planted.py",
           Path(np.__file__).parent / "_attack_planted.py",
           Path(os.environ.get("KATA_HOME", "/nonexistent")) / "_attack_planted.py"]
for target in targets:
    try:
        target.write_text("def relu_backward(dout, x):\n    return dout * (x > 0)\n")
    except OSError:
        pass
for existing in (checkout / "checker" / "engine.py", Path(np.__file__)):
    try:
        with open(existing, "ab") as handle:  # opened for writing: refused before a byte is written
            handle.write(b"")
    except OSError:
        pass


def relu_backward(dout, x):
    return -dout * (x > 0)
