import numpy as np

from checker.protocol import FunctionRef
from checker.spec import Case, Kata, Mistake, Value, away_from

# The test functions reach the user's code by reference: the child imports this module and
# calls them there. Each has an exact gradient below; all are smooth, with third derivatives
# small enough that a central difference with h = 1e-4 is within ~1e-9 of the exact gradient,
# far inside the promised 1e-6, while a forward difference is off by ~1e-5 or more.


def sum_of_exp(x):
    return float(np.sum(np.exp(0.5 * x)))


def cubic(x):
    return float(np.sum(x ** 3 / 3.0 + x))


def log_sum_exp(x):
    # Couples every entry with every other: perturbing two entries at once, or leaving an
    # entry perturbed, changes the other entries' derivatives.
    top = np.max(x)
    return float(top + np.log(np.sum(np.exp(x - top))))


EXACT_GRADIENTS = {
    "sum_of_exp": lambda x: 0.5 * np.exp(0.5 * x),
    "cubic": lambda x: x ** 2 + 1.0,
    "log_sum_exp": lambda x: np.exp(x - np.max(x)) / np.sum(np.exp(x - np.max(x))),
}


def ref(name):
    return FunctionRef(f"checker.specs.numerical_gradient:{name}")


def _steps(f, x, h, restore=True, forward=False):
    """A clean loop over the entries, on a copy; the two switches make the classic mistakes."""
    f = f.resolve()
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        f_plus = f(x)
        x[index] = original if forward else original - h
        f_minus = f(x)
        if restore:
            x[index] = original
        grad[index] = (f_plus - f_minus) / (h if forward else 2 * h)
    return grad


def reference(f, x, h=None):
    # With the default step the truth is the exact gradient; with another step it is the exact
    # central difference for that step, which differs from the exact gradient by O(h²) ≈ 1e-3
    # for h = 0.1: an answer that keeps using 1e-4 is then told apart.
    if h is None:
        return EXACT_GRADIENTS[f.target.rsplit(":", 1)[1]](x)
    return _steps(f, x, h)


def draws(rng):
    def point(shape, scale=1.0):
        # Away from 0 so that "x was put back" can be checked to a relative 1e-12.
        return away_from(scale * rng.standard_normal(shape))

    yield Case("sum_of_exp, x (7,)", {"f": ref("sum_of_exp"), "x": point((7,))})
    yield Case("cubic, x (1, 5)", {"f": ref("cubic"), "x": point((1, 5))})
    yield Case("log_sum_exp, x (3, 4)", {"f": ref("log_sum_exp"), "x": point((3, 4))})
    yield Case("sum_of_exp, x (2, 3, 4)", {"f": ref("sum_of_exp"), "x": point((2, 3, 4))})
    yield Case("log_sum_exp, x (5,), h=0.1", {"f": ref("log_sum_exp"), "x": point((5,))},
               kwargs={"h": 0.1})
    yield Case("cubic, x (4, 3), h=0.05", {"f": ref("cubic"), "x": point((4, 3))}, kwargs={"h": 0.05})


KATA = Kata(
    name="numerical_gradient",
    title="Numerical gradient by central differences",
    topic="gradient checking",
    difficulty="easy",
    source="CS231n (gradient check); Deep Learning from Scratch (Saito), ch. 4",
    functions=("numerical_gradient",),
    checks=(
        Value("numerical_gradient", reference=reference, cases=draws, outputs=("grad",),
              # The kata's promise: within 1e-6 of the exact gradient with the default step.
              rtol=1e-6,
              mistakes=(
                  Mistake("inexact", "grad",
                          lambda f, x, h=1e-4: _steps(f, x, h, forward=True),
                          "{var} is the forward difference (f(x + h) − f(x)) / h, which is only "
                          "accurate to O(h); the central difference (f(x + h) − f(x − h)) / (2h) "
                          "is accurate to O(h²)."),
                  Mistake("mutated_input", "grad",
                          lambda f, x, h=1e-4: _steps(f, x, h, restore=False),
                          "{var} is what a loop that never puts x[i] back computes: each entry "
                          "after the first was taken at a point where the earlier entries were "
                          "still shifted by −h, which matters as soon as f couples the entries."),
              )),
    ),
    hints=(
        "Perturb one entry at a time, by +h and by −h, and evaluate f on the whole array each time.",
        "Remember the entry's value before you perturb it, and write it back before moving to the "
        "next entry; loop over every index of an array of any ndim with np.ndindex(x.shape) "
        "(or np.nditer with flags=['multi_index']).",
        "for i in np.ndindex(x.shape): old = x[i]; x[i] = old + h; fp = f(x); x[i] = old - h; "
        "fm = f(x); x[i] = old; grad[i] = (fp - fm) / (2 * h)",
    ),
    explanations={
        "inexact": "Taylor: f(x ± h) = f(x) ± h·f′ + h²/2·f″ ± …; in the central difference the h² "
                   "terms cancel, in the forward difference the error h/2·f″ stays.",
        "mutated_input": "The caller's x must hold its original values when you return: after "
                         "evaluating f at x[i] ± h, write the saved value back into x[i] before the "
                         "next entry (or perturb a copy).",
        "ignores_keyword": "Use the step h you are given in every difference, not a constant.",
    },
    # Perturb-and-restore as x[i] += h; x[i] -= 2*h; x[i] += h is correct but rounds.
    restore_rtol=1e-12,
)
