import numpy as np

from checker.draws import mixed_values, shape_text, shapes_of_every_rank
from checker.spec import Case, Kata, Mistake, Value


def sigmoid(x):
    # Only ever exponentiates -|x|, so it is exact and silent for any finite x.
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def draws(rng):
    # Every rank from 0-d to 4-d; entries standard normal, mixed with large ones of both signs.
    for shape in [(1, 5), *shapes_of_every_rank(rng)]:
        yield Case(f"x {shape_text(shape)}", {"x": mixed_values(rng, shape, kinks=())})
    # Both ends of the promised range, both sides of the overflow threshold of e^-x
    # (x ≈ -709.78), and values deep in the range where e^|x| is finite but huge.
    edges = np.array([-1000.0, 1000.0, -709.0, 709.0, -710.0, 710.0, -40.0, 40.0])
    yield Case("x (2, 8) in [-1000, 1000]",
               {"x": np.concatenate([edges, rng.uniform(-1000.0, 1000.0, 8)]).reshape(2, 8)},
               stability=True)
    yield Case("x (5,) = ±1000 and between", {"x": np.array([-1000.0, -500.0, 0.0, 500.0, 1000.0])},
               stability=True)


KATA = Kata(
    name="sigmoid",
    title="A numerically stable sigmoid",
    topic="activations",
    difficulty="easy",
    source="classic interview question; Deep Learning from Scratch (Saito), ch. 3",
    functions=("sigmoid",),
    checks=(
        # "Exact" near 0 too: clipping x to ±25 gives sigmoid(-1000) = 1e-11 instead of 0. The floor
        # still lets the tanh identity through (its error there is ~1e-17 in absolute terms).
        Value("sigmoid", reference=sigmoid, cases=draws, floor=1e-9,
              mistakes=(
                  Mistake("sign_flip", "out", lambda x: sigmoid(-x),
                          "{var} is sigmoid(−x) = 1 − sigmoid(x): the sign in the exponent is flipped. "
                          "sigmoid(x) = 1 / (1 + e^(−x)) is near 1 for large positive x."),
              )),
    ),
    hints=(
        "1 / (1 + np.exp(-x)) computes e^1000 when x = -1000: numpy overflows to inf and warns, even "
        "though the final value 0 happens to be right.",
        "Never exponentiate a large positive number. For x < 0, multiply the numerator and the "
        "denominator by e^x: sigmoid(x) = e^x / (1 + e^x).",
        "With z = np.exp(-np.abs(x)): np.where(x >= 0, 1 / (1 + z), z / (1 + z)). Or the identity "
        "sigmoid(x) = 0.5 * (1 + np.tanh(x / 2)).",
    ),
    explanations={
        "extreme": "At the extremes the value must still be exact: clipping x changes it (sigmoid(-1000) "
                   "is 0 to double precision, not sigmoid(-25) = 1.4e-11). Split on the sign of x instead.",
        "sign_flip": "sigmoid(x) = 1 / (1 + e^(−x)) grows with x: check the sign inside each exponential, "
                     "and which branch handles x ≥ 0.",
        "mutated_input": "Never write into x (x *= …, np.tanh(x, out=x), x[mask] = …): the caller still needs "
                         "it. Build a new array, or start from x.copy().",
        "overflow": "np.exp(-x) overflows for x below about -709.8. np.where evaluates both of its "
                    "branches on every entry, so the branch you do not keep must be safe too: "
                    "exponentiate only -|x|, or use 0.5 * (1 + tanh(x / 2)).",
    },
)
