import numpy as np

from checker.draws import shape_text
from checker.spec import Case, Gradient, Kata, Mistake, Value


def affine(x, w, b, order="C"):
    return x.reshape(x.shape[0], -1, order=order) @ w + b


def column_major_gradients(dout, x, w, b):
    """The gradients of the layer that flattens each example in column-major (Fortran) order."""
    x_flat = x.reshape(x.shape[0], -1, order="F")
    return (dout @ w.T).reshape(x.shape, order="F"), x_flat.T @ dout, dout.sum(axis=0)


def draws(rng):
    # Ranks 2 to 4 with distinct sizes, so a column-major flatten differs from the row-major one and
    # a transposed weight has the wrong shape; N differs from M, so db summed over the wrong axis
    # has the wrong shape. N = 1 once.
    for x_shape, m in [((4, 3, 5), 2), ((1, 2, 3, 4), 3), ((5, 6), 3), ((3, 2, 4, 5), 4), ((2, 4, 3), 6)]:
        d = int(np.prod(x_shape[1:]))
        args = {"x": rng.standard_normal(x_shape), "w": rng.standard_normal((d, m)),
                "b": rng.standard_normal(m)}
        yield Case(f"x {shape_text(x_shape)}, w {shape_text((d, m))}", args, batch=x_shape[0])


COLUMN_MAJOR = ("{var} comes from flattening each example in column-major (Fortran) order, "
                "reshape(..., order='F'): the task flattens row-major, x.reshape(N, -1), the first axis after "
                "N changing slowest.")

KATA = Kata(
    name="affine",
    title="Forward and backward of an affine layer on inputs of any rank",
    topic="layers",
    difficulty="easy",
    source="CS231n assignment 2 (affine_forward, affine_backward)",
    functions=("affine_forward", "affine_backward"),
    checks=(
        Value("affine_forward", reference=affine, cases=draws,
              mistakes=(Mistake("wrong_value", "out", lambda x, w, b: affine(x, w, b, order="F"), COLUMN_MAJOR),)),
        Gradient("affine_backward", forward=affine, cases=draws, grads={"dx": "x", "dw": "w", "db": "b"},
                 mistakes=tuple(Mistake("wrong_gradient", name,
                                        lambda dout, x, w, b, i=i: column_major_gradients(dout, x, w, b)[i],
                                        COLUMN_MAJOR) for i, name in enumerate(("dx", "dw")))),
    ),
    hints=(
        "Flatten each example first: x_flat = x.reshape(x.shape[0], -1) is (N, D); from there it is the "
        "2-D layer out = x_flat @ w + b.",
        "dx_flat = dout @ w.T, dw = x_flat.T @ dout, db = dout.sum(axis=0): b is added to every row.",
        "dx must have x's shape: reshape dx_flat back with dx_flat.reshape(x.shape), the inverse of the "
        "row-major flatten.",
    ),
    explanations={
        "wrong_shape:dx": "dx has x's shape (N, d1, ..., dk): reshape dout @ w.T back with .reshape(x.shape).",
        "wrong_shape:db": "db has b's shape (M,): b is added to every row, so sum dout over axis 0.",
        "exception": "Flatten x to (N, D) with x.reshape(x.shape[0], -1) before any product: w is (D, M).",
        "batch_scale:db": "db sums dout over the batch: every example adds b to its output.",
    },
)
