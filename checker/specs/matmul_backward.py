import numpy as np

from checker.draws import shape_text
from checker.spec import Case, Gradient, Kata, Mistake


def matmul(A, B):
    return A @ B


def draws(rng):
    # n, k, m all different (and different from the leading sizes), so a transpose, a swapped pair
    # of gradients or a product in the wrong order has the wrong shape or the wrong values.
    for lead, n, k, m in [((), 3, 5, 2), ((), 1, 4, 3), ((2,), 3, 4, 5), ((2, 3), 4, 5, 1),
                          ((3,), 2, 1, 4)]:
        args = {"A": rng.standard_normal(lead + (n, k)), "B": rng.standard_normal(lead + (k, m))}
        yield Case(f"A {shape_text(lead + (n, k))} @ B {shape_text(lead + (k, m))}", args)


def dB_transposed(dout, A, B):
    return np.swapaxes(dout, -1, -2) @ A


KATA = Kata(
    name="matmul_backward",
    title="Gradients of a matrix product, plain and batched",
    topic="layers",
    difficulty="easy",
    source="CS231n lecture 4 (backprop for matrix products); every autograd engine's matmul",
    functions=("matmul_backward",),
    checks=(
        Gradient("matmul_backward", forward=matmul, cases=draws, grads={"dA": "A", "dB": "B"},
                 mistakes=(Mistake("transposed", "dB", dB_transposed,
                                   "{var} is dout ᵀ @ A, the transpose of the gradient: dB has B's shape "
                                   "(k, m), so it is Aᵀ @ dout."),)),
    ),
    hints=(
        "Check shapes first: dA must be (n, k) from dout (n, m) and B (k, m), so dA = dout @ Bᵀ; "
        "dB must be (k, m) from A (n, k) and dout, so dB = Aᵀ @ dout.",
        "In the batched case each matrix of the stack is its own product: the same two formulas, applied "
        "slice by slice, with no sum over the leading axes.",
        "`.T` reverses every axis of a 3-D array; transpose only the last two with np.swapaxes(B, -1, -2) "
        "(or B.swapaxes(-1, -2)), and `@` keeps the leading axes as a batch.",
    ),
    explanations={
        "wrong_shape:dB": "dB has B's shape (..., k, m): each matrix of the stack is its own product, so it "
                          "gets its own gradient, Aᵀ @ dout with only the last two axes of A swapped; do not sum "
                          "over the leading axes.",
        "wrong_shape": "{var} has its input's shape: dA = dout @ Bᵀ is (..., n, k), dB = Aᵀ @ dout is "
                       "(..., k, m), and they come back in that order.",
        "exception": "On a stack of matrices `.T` reverses every axis, the batch axes included: swap only "
                     "the last two, np.swapaxes(B, -1, -2).",
    },
)
