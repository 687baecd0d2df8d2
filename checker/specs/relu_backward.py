import numpy as np

from checker.spec import Case, Gradient, Kata, Mistake, away_from


def relu(x):
    return np.maximum(x, 0.0)


def draws(rng):
    for shape in [(1, 7), (5, 3), (2, 3, 4)]:
        x = away_from(rng.standard_normal(shape))
        label = f"x {shape}"
        yield Case(label, {"x": x}, batch=shape[0],
                   regions={"x": {"where x > 0": x > 0, "where x < 0": x < 0}})


KATA = Kata(
    name="relu_backward",
    title="Backward pass of a ReLU",
    topic="activations",
    difficulty="easy",
    source="CS231n assignment 2 (layers.py)",
    functions=("relu_backward",),
    checks=(
        Gradient("relu_backward", forward=relu, cases=draws, grads={"dx": "x"},
                 mistakes=(
                     Mistake("mask_error", "dx", lambda dout, x: dout * (dout > 0),
                             "{var} is masked by the sign of dout; the mask comes from the input x."),
                     Mistake("mask_error", "dx", lambda dout, x: dout * np.maximum(x, 0.0),
                             "{var} multiplies dout by max(x, 0), the forward output; the local derivative "
                             "is the 0/1 indicator (x > 0)."),
                     Mistake("mask_error", "dx", lambda dout, x: dout * (x < 0),
                             "{var} lets the gradient through where x < 0 and blocks it where x > 0: "
                             "the mask is inverted."),
                 )),
    ),
    hints=(
        "out = max(x, 0) passes the gradient through where x > 0 and blocks it elsewhere.",
        "dx has dout's shape: it is dout where x > 0 and 0 where x ≤ 0.",
        "dx = dout * (x > 0) — a new array, so dout is left as it was.",
    ),
)
