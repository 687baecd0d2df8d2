import numpy as np

from checker.draws import kink_regions, mixed_values, shape_text, shapes_of_every_rank
from checker.spec import Case, Gradient, Kata, Mistake


def relu(x):
    return np.maximum(x, 0.0)


def draws(rng):
    # A batch of one, then every rank from 0-d to 4-d ("any shape"). Every draw of two entries or
    # more mixes standard normal entries with large ones (where a ReLU6-style backward blocks) and
    # ones 1e-3..1e-2 beside the kink (where a mask with a tolerance, x > 0.04, blocks).
    for shape in [(1, 7), *shapes_of_every_rank(rng)]:
        x = mixed_values(rng, shape, kinks=(0.0,))
        yield Case(f"x {shape_text(shape)}", {"x": x}, batch=shape[0] if len(shape) > 1 else None,
                   regions={"x": kink_regions(x)})


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
                     Mistake("mask_error", "dx", lambda dout, x: dout * ((x > 0) & (x < 6)),
                             "{var} blocks the gradient where x > 6 too, as ReLU6's backward does; "
                             "max(x, 0) passes it for every x > 0, however large."),
                 )),
    ),
    hints=(
        "out = max(x, 0) passes the gradient through where x > 0 and blocks it elsewhere.",
        "dx has dout's shape: it is dout where x > 0 and 0 where x ≤ 0.",
        "dx = dout * (x > 0) — a new array, so dout is left as it was.",
    ),
)
