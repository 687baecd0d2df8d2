import numpy as np

from checker.draws import logits_far_apart
from checker.spec import Case, Kata, Mistake, Value


def log_softmax(x, axis=-1):
    shift = np.max(x, axis=axis, keepdims=True)
    return x - shift - np.log(np.sum(np.exp(x - shift), axis=axis, keepdims=True))


def softmax(x):
    return np.exp(log_softmax(np.asarray(x, dtype=np.float64)))


def draws(rng):
    yield Case("x (7,)", {"x": 3.0 * rng.standard_normal(7)})
    # Non-square batches so that the axis matters, and a square one so that an answer whose
    # reductions broadcast the wrong way still returns values.
    for n, c in [(1, 5), (4, 6), (5, 3), (3, 3)]:
        yield Case(f"x ({n}, {c})", {"x": 3.0 * rng.standard_normal((n, c))}, batch=n)
    # Entries up to 1e3 in magnitude: one row spans the whole range (the shifted exponent of
    # -1000 underflows to an exact 0, as it should); across rows the maxima lie about 2000 apart,
    # so that a shift by the maximum of the whole array leaves some row at e^-2000 = 0.
    top = 1000.0 - rng.uniform(0.0, 30.0, 6)
    top[rng.integers(6)] = 1000.0
    yield Case("x (6,) near 1000", {"x": top}, stability=True)
    below = np.stack([
        np.array([0.0, 0.0, 1.0, 10.0, 40.0]),  # a tie at the maximum
        rng.uniform(0.0, 50.0, 5),
        rng.uniform(0.0, 600.0, 5),
        rng.uniform(0.0, 80.0, 5),
        np.array([0.0, 2000.0, 1000.0, 997.0, 1999.0]),  # down to -1000 whatever the row's maximum
    ])
    yield Case("x (5, 5) rows with maxima from -1000 to 1000", {"x": logits_far_apart(rng, below)}, batch=5,
               stability=True)


def over_columns(x):
    return np.exp(log_softmax(x, axis=0))


def over_everything(x):
    return np.exp(log_softmax(x.reshape(-1), axis=0)).reshape(x.shape)


KATA = Kata(
    name="softmax",
    title="A numerically stable softmax",
    topic="activations",
    difficulty="easy",
    source="CS231n notes (softmax classifier, numeric stability); Deep Learning from Scratch (Saito), ch. 3",
    functions=("softmax",),
    checks=(
        Value("softmax", reference=softmax, cases=draws, outputs=("probs",),
              mistakes=(
                  Mistake("wrong_value", "probs", log_softmax,
                          "{var} is the log-softmax, x − max − log Σ e^(x − max): exponentiate it to get the "
                          "probabilities."),
                  Mistake("wrong_axis", "probs", over_columns,
                          "{var} is normalized over axis 0: each column sums to 1 instead of each row."),
                  Mistake("wrong_axis", "probs", over_everything,
                          "{var} is normalized over the whole batch: the entries of all rows together sum "
                          "to 1 instead of each row."),
              )),
    ),
    hints=(
        "For an (N, C) batch every row is its own distribution: reduce over the last axis and keep "
        "the dimension so that the result broadcasts back against x.",
        "e^1000 is inf and inf / inf is NaN. Subtracting a constant from a row does not change its "
        "softmax: which constant makes every exponent ≤ 0?",
        "e = np.exp(x - x.max(axis=-1, keepdims=True)); return e / e.sum(axis=-1, keepdims=True).",
    ),
    explanations={
        "exception": "If the shapes do not broadcast: a row's max and sum have shape (N,) unless you keep "
                     "the reduced axis, np.max(x, axis=-1, keepdims=True), so that they line up with x. "
                     "axis=-1 also works for a 1-D x, where axis=1 does not exist.",
        "wrong_axis": "Each row of an (N, C) batch is one distribution: reduce with axis=-1 (the classes) "
                      "and keepdims=True; axis=-1 is also right for a single vector.",
        "overflow": "e^x overflows for x above about 709.8, and inf / inf is NaN. Subtract each row's "
                    "maximum before exponentiating: that multiplies the numerator and the denominator by "
                    "the same number, so the softmax is unchanged, and every exponent is ≤ 0.",
        "non_finite": "A row whose entries all lie far below the largest entry of the whole array becomes "
                      "e^-2000 / Σ e^-2000 = 0 / 0 when you subtract the maximum of the whole array: "
                      "subtract each row's own maximum (axis=-1, keepdims=True).",
        "mutated_input": "x -= x.max(...) writes into the caller's array. Compute the shifted scores into a "
                         "new array: shifted = x - x.max(axis=-1, keepdims=True).",
    },
)
