import numpy as np

from checker.draws import shape_text, shapes_of_every_rank
from checker.protocol import FunctionRef
from checker.spec import Case, Kata, Mistake, Value, away_from
from checker.specs._numerical_gradient_child import row_weights

# The test functions reach the user's code by reference (ref below): the child imports their module, which
# holds nothing of the checking, and calls them there.
EXACT_GRADIENTS = {
    "sum_of_exp": lambda x: 0.5 * np.exp(0.5 * x),
    "cubic": lambda x: x ** 2 + 1.0,
    "log_sum_exp": lambda x: np.exp(x - np.max(x)) / np.sum(np.exp(x - np.max(x))),
    "row_weighted_cubic": lambda x: row_weights(x) * (x ** 2 + 1.0),
}


def ref(name):
    return FunctionRef(f"checker.specs._numerical_gradient_child:{name}")


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


def _flattened(f, x, h=1e-4):
    """The clean loop, but on a flat copy of x: f sees an array of shape (x.size,)."""
    return _steps(f, np.ravel(x), h).reshape(np.shape(x))


def _rows(f, x, h, aliased):
    """A loop over range(x.shape[0]) only: on an N-D x, x[i] is a whole row, moved at once.

    ``aliased``: the row was saved as ``old = x[i]``, a view, which follows the first write, so
    the −h evaluation lands back on x and the difference is halved. Otherwise it was copied.
    """
    f = f.resolve()
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for i in range(x.shape[0]):
        old = x[i] if aliased else np.copy(x[i])
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def _all_at_once(f, x, h):
    """Every entry moved together: each grad entry is the derivative along the all-ones direction."""
    f = f.resolve()
    x = np.asarray(x, dtype=np.float64)
    return np.full(x.shape, (f(x + h) - f(x - h)) / (2 * h))


def _wrong_default(step):
    """The central difference with ``step`` when no h is passed: a wrong default in the signature."""
    def produces(f, x, h=step):
        return _steps(f, x, h)
    return produces


# Defaults seen instead of 1e-4; 1e-3 is close enough to pass on these functions.
WRONG_DEFAULTS = (1e-2, 1e-1, 5e-2, 5e-3, 1.0)


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
    yield Case("row_weighted_cubic, x (3, 2, 2)", {"f": ref("row_weighted_cubic"), "x": point((3, 2, 2))})


def every_rank(rng):
    """"Any ndim": one draw per rank, 0-d to 4-d. A check of their own, so that an answer that
    cannot take a 0-d x still has its other mistakes named by the draws above."""
    functions = ("log_sum_exp", "cubic", "sum_of_exp")
    for index, shape in enumerate(shapes_of_every_rank(rng)):
        name = functions[index % len(functions)]
        x = away_from(rng.standard_normal(shape))
        yield Case(f"{name}, x {shape_text(shape)}", {"f": ref(name), "x": x})


MISTAKES = (
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
    *(Mistake("inexact", "grad", _wrong_default(step),
              f"{{var}} is the central difference with a step of {step:g} on the draws that "
              f"use the default h: the default must be h=1e-4, as in the stub's signature. "
              f"A step this large is far too coarse: its O(h²) error is far above 1e-6.")
      for step in WRONG_DEFAULTS),
    Mistake("wrong_value", "grad", _flattened,
            "{var} is the gradient of f called on a flattened copy of x: f was called "
            "with an array of another shape. f takes an array of x's shape (and may "
            "depend on it): perturb x itself, or reshape the copy back before each call."),
    Mistake("wrong_value", "grad", lambda f, x, h=1e-4: _rows(f, x, h, aliased=True),
            "{var} is right on vectors but constant along each row of a matrix: the loop "
            "runs over range(x.shape[0]), so x[i] is a whole row and every grad[i] is the "
            "derivative of moving that row at once (halved here, because old = x[i] is a "
            "view that follows the first write). Loop over every index: "
            "for i in np.ndindex(x.shape)."),
    Mistake("wrong_value", "grad", lambda f, x, h=1e-4: _rows(f, x, h, aliased=False),
            "{var} is right on vectors but constant along each row of a matrix: the loop "
            "runs over range(x.shape[0]), so x[i] is a whole row and every grad[i] is the "
            "derivative of moving that row at once. Loop over every index: "
            "for i in np.ndindex(x.shape)."),
    Mistake("wrong_value", "grad", lambda f, x, h=1e-4: _all_at_once(f, x, h),
            "{var} has the same value in every entry: (f(x + h) − f(x − h)) / (2h) moves "
            "every entry of x at once, which is the derivative along the all-ones "
            "direction (the sum of all partial derivatives). Move one entry at a time: "
            "x + h·e_i, with e_i one-hot at index i."),
)


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
              mistakes=MISTAKES),
        Value("numerical_gradient", reference=reference, cases=every_rank, outputs=("grad",), rtol=1e-6,
              mistakes=MISTAKES, title="any ndim, 0-d to 4-d"),
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
        "inexact": "Taylor: f(x ± h) = f(x) ± h·f′ + h²/2·f″ ± h³/6·f‴ …; in the central difference "
                   "the h² terms cancel, leaving an error of h²/6·f‴ (about 1e-9 for h = 1e-4, 1e-5 "
                   "for h = 1e-2); in the forward difference the error h/2·f″ stays.",
        "mutated_input": "The caller's x must hold its original values when you return: after "
                         "evaluating f at x[i] ± h, write the saved value back into x[i] before the "
                         "next entry (or perturb a copy).",
        "ignores_keyword": "Use the step h you are given in every difference, not a constant.",
        "wrong_value": "grad[i] is the difference quotient for moving entry i alone, by ±h, with f "
                       "called on an array of x's own shape; the entries below are the furthest off.",
    },
    # Perturb-and-restore as x[i] += h; x[i] -= 2*h; x[i] += h is correct but rounds.
    restore_rtol=1e-12,
)
