import numpy as np

from checker.spec import Case, Gradient, Kata, Mistake
from checker.specs._softmax_backward_child import softmax_backward_of_y


def softmax(x):
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_of_logits(y, x):
    """The forward the check differentiates: the softmax of the logits x. y = softmax(x) is what the
    user's function receives instead of x; it is an input here only so that it is passed."""
    return softmax(x)


def draws(rng):
    # A vector, a batch of one, and leading dimensions of rank 1 to 3; the last axis is never
    # equal to the one before it, so a sum over the wrong axis or without keepdims cannot hide.
    # The logits' scale varies so that some rows are near one-hot and others nearly uniform.
    for shape in [(5,), (1, 4), (3, 5), (2, 4, 3), (2, 3, 1, 4), (7,)]:
        x = rng.standard_normal(shape) * rng.uniform(0.5, 3.0)
        label = "y " + (f"({shape[0]},)" if len(shape) == 1 else str(shape))
        yield Case(label, {"y": softmax(x), "x": x}, batch=shape[0] if len(shape) > 1 else None)


def full_sum(dout, y, x):
    return y * (dout - np.sum(dout * y))


def over_first_axis(dout, y, x):
    return y * (dout - np.sum(dout * y, axis=0, keepdims=True))


KATA = Kata(
    name="softmax_backward",
    title="Backward pass of a softmax, from its output",
    topic="activations",
    difficulty="medium",
    source="CS231n notes (the softmax Jacobian); every from-scratch transformer's attention backward",
    functions=("softmax_backward",),
    checks=(
        Gradient("softmax_backward", forward=softmax_of_logits, cases=draws, grads={"dx": "x"},
                 driver=softmax_backward_of_y,
                 mistakes=(
                     Mistake("wrong_gradient", "dx", lambda dout, y, x: dout * y * (1.0 - y),
                             "{var} is dout·y·(1 − y): only the diagonal of the Jacobian. Each y_i depends on "
                             "every x_j of its row, ∂y_i/∂x_j = y_i(δ_ij − y_j), so dx = y·(dout − Σ_i dout_i·y_i)."),
                     Mistake("wrong_gradient", "dx", lambda dout, y, x: y * (dout - np.sum(dout, axis=-1,
                                                                                          keepdims=True)),
                             "{var} subtracts Σ dout over the row; the sum is weighted by y: Σ_i dout_i·y_i."),
                     Mistake("wrong_gradient", "dx", lambda dout, y, x: dout - np.sum(dout * y, axis=-1,
                                                                                     keepdims=True),
                             "{var} is missing the outer factor y: dx = y·(dout − Σ_i dout_i·y_i)."),
                     Mistake("wrong_axis", "dx", full_sum,
                             "{var} sums dout·y over every entry at once: with leading dimensions, each row "
                             "(the last axis) has its own sum, axis=-1 with keepdims=True."),
                     Mistake("wrong_axis", "dx", over_first_axis,
                             "{var} sums dout·y over the first axis; the softmax runs over the last one, so sum "
                             "over axis=-1 with keepdims=True."),
                 )),
    ),
    hints=(
        "Start from one row: ∂y_i/∂x_j = y_i·(δ_ij − y_j). The off-diagonal terms matter: y·(1 − y) alone is wrong.",
        "dx_j = Σ_i dout_i·∂y_i/∂x_j = y_j·dout_j − y_j·Σ_i dout_i·y_i: one dot product per row.",
        "dx = y * (dout - np.sum(dout * y, axis=-1, keepdims=True)); axis=-1 makes it work for (C,) and (..., C) alike.",
    ),
    explanations={
        "wrong_axis": "Each row along the last axis is its own softmax: reduce with axis=-1, keepdims=True, so the "
                      "same line works for (C,), (N, C) and (N, T, C).",
        "exception": "Reduce over axis=-1 with keepdims=True: it works for a vector and for any leading "
                     "dimensions; axis=1 fails on a vector and is the wrong axis on (N, T, C).",
        "mutated_input": "Never write into dout or y: build a new array.",
    },
    prerequisites=("softmax",),
)
