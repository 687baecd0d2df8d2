import numpy as np

from checker.spec import Case, Gradient, Kata


def linear(x, W, b):
    return np.einsum("nd,dm->nm", x, W) + b[None, :]


def draws(rng):
    # N=1 first; D != M everywhere so a transposed dW has the wrong shape, and N != M so a bias
    # gradient summed over the wrong axis cannot have b's shape by accident.
    for n, d, m in [(1, 4, 3), (5, 3, 2), (4, 2, 3)]:
        args = {"x": rng.standard_normal((n, d)), "W": rng.standard_normal((d, m)),
                "b": rng.standard_normal(m)}
        yield Case(f"N={n}, D={d}, M={m}", args, batch=n)


KATA = Kata(
    name="linear_backward",
    title="Backward pass of a linear layer",
    topic="layers",
    difficulty="easy",
    source="CS231n assignment 2 (affine_backward); every backprop interview",
    functions=("linear_backward",),
    checks=(
        Gradient("linear_backward", forward=linear, cases=draws,
                 grads={"dx": "x", "dW": "W", "db": "b"}),
    ),
    hints=(
        "Write out[n, m] = Σ_d x[n, d]·W[d, m] + b[m] and differentiate one entry at a time; "
        "each gradient has the shape of its input.",
        "dx needs a (N, M) by (M, D) product, dW a (D, N) by (N, M) product; b is added to every "
        "row, so its gradient collects dout from every row.",
        "dx = dout @ W.T, dW = x.T @ dout, db = dout.sum(axis=0).",
    ),
    explanations={
        "batch_scale:db": "The bias is added to every row, so its gradient sums dout over the batch. "
                          "Did you take a mean?",
        "batch_scale:dW": "dW sums the contribution of every row of the batch. Any 1/N of a mean loss "
                          "is already inside dout: a layer's backward never divides by N again.",
        "wrong_shape:db": "db has one entry per output feature, like b: sum dout over the batch axis "
                          "(axis=0), the axis the bias was broadcast along.",
        "exception": "Write the shapes next to each product: dx = dout @ W.T is (N, M) @ (M, D) and "
                     "dW = x.T @ dout is (D, N) @ (N, M); D and M differ here, so a missing .T does not "
                     "line up.",
        "batch_scale:dx": "Each row of dx depends only on its own row of dout: nothing is summed or "
                          "averaged over the batch.",
    },
)
