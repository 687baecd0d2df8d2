import numpy as np

from checker.draws import kink_regions, mixed_values, shape_text, shapes_of_every_rank
from checker.spec import Case, Gradient, Kata, Mistake, Value


def leaky_relu(x, alpha=0.01):
    return np.where(x > 0, x, alpha * x)


def draws(rng):
    # A batch of one, then every rank from 0-d to 4-d. Every draw of two entries or more holds
    # large entries of both signs and entries 1e-3..1e-2 beside the kink on both sides. alpha is
    # left to its default in two draws and set to 0 (the plain ReLU), small, middling and near 1
    # in the others, so a hard-coded slope and a forgotten one are both told apart.
    alphas = [None, 0.3, None, 0.0, 0.9, 0.05]
    for shape, alpha in zip([(1, 7), *shapes_of_every_rank(rng)], alphas):
        x = mixed_values(rng, shape, kinks=(0.0,))
        keywords = {} if alpha is None else {"alpha": alpha}
        regions = kink_regions(x)
        yield Case(f"x {shape_text(shape)}" + ("" if alpha is None else f", alpha={alpha}"), {"x": x}, keywords,
                   batch=shape[0] if len(shape) > 1 else None, regions={"x": regions, "out": regions})


def relu_backward(dout, x, alpha=0.01):
    return dout * (x > 0)


def slope_times_x_backward(dout, x, alpha=0.01):
    return dout * np.where(x > 0, 1.0, alpha * x)


KATA = Kata(
    name="leaky_relu",
    title="Leaky ReLU: forward and backward",
    topic="activations",
    difficulty="easy",
    source="Maas et al., 2013 (rectifier nonlinearities); the LeakyReLU of every framework",
    functions=("leaky_relu_forward", "leaky_relu_backward"),
    checks=(
        Value("leaky_relu_forward", reference=leaky_relu, cases=draws,
              mistakes=(
                  Mistake("mask_error", "out", lambda x, alpha=0.01: np.where(x > 0, x, alpha),
                          "{var} is alpha, a constant, where x <= 0: the negative side is the line alpha·x."),
                  Mistake("mask_error", "out", lambda x, alpha=0.01: np.maximum(x, 0.0) + alpha * x,
                          "{var} adds alpha·x on the positive side too: out is x there, unchanged."),
              )),
        Gradient("leaky_relu_backward", forward=leaky_relu, cases=draws, grads={"dx": "x"},
                 mistakes=(
                     Mistake("mask_error", "dx", relu_backward,
                             "{var} is blocked where x < 0, as in a plain ReLU: the negative side has slope "
                             "alpha, so the gradient there is alpha·dout."),
                     Mistake("mask_error", "dx", slope_times_x_backward,
                             "{var} is alpha·x·dout where x < 0: that is the forward's value, not its "
                             "slope. The derivative of alpha·x is alpha."),
                 )),
    ),
    hints=(
        "Each side of 0 is a straight line: the derivative is that line's slope.",
        "The slope is 1 where x > 0 and alpha elsewhere; the gradient is dout times it.",
        "out = np.where(x > 0, x, alpha * x); dx = dout * np.where(x > 0, 1.0, alpha).",
    ),
    explanations={
        "ignores_keyword": "Use the alpha the caller passes, in both functions: a hard-coded 0.01 is right only "
                           "for the default.",
        "mask_error": "Look at each side of 0 on its own: out = x for x > 0 (slope 1), out = alpha·x for "
                      "x <= 0 (slope alpha).",
        "mutated_input": "Never write into dout or x (dx = dout; dx[x < 0] *= alpha changes dout): copy first, "
                         "or build a new array.",
    },
)
