import numpy as np

from checker.draws import mixed_values, shape_text, shapes_of_every_rank
from checker.spec import Case, Gradient, Kata, Mistake


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, dtype=np.float64)))


def draws(rng):
    # Every rank from 0-d to 4-d; entries standard normal, mixed with large ones of both signs,
    # where the derivative is tiny (e^-300) and a clipped or overflowing form parts from it.
    for shape in [(1, 5), *shapes_of_every_rank(rng)]:
        yield Case(f"x {shape_text(shape)}", {"x": mixed_values(rng, shape, kinks=())})


KATA = Kata(
    name="sigmoid_grad",
    title="Derivative of the sigmoid",
    topic="activations",
    difficulty="easy",
    source="CS231n lecture 4 (backpropagation); the sigmoid_derivative exercise of deeplearning.ai",
    functions=("sigmoid_grad",),
    checks=(
        Gradient("sigmoid_grad", forward=sigmoid, cases=draws, grads={"grad": "x"}, takes_dout=False,
                 mistakes=(
                     Mistake("output_for_input", "grad", lambda x: x * (1.0 - x),
                             "{var} is x·(1 − x): that formula is written in the output s = sigmoid(x), "
                             "and here it was applied to the input x."),
                     Mistake("wrong_gradient", "grad", lambda x: sigmoid(x),
                             "{var} equals sigmoid(x) itself: the factor (1 − sigmoid(x)) is missing."),
                 )),
    ),
    hints=(
        "Differentiate 1 / (1 + e^-x) with the chain rule, then write the result in terms of "
        "s = sigmoid(x).",
        "d sigmoid / dx = e^-x / (1 + e^-x)^2, which simplifies to s·(1 − s) — where s is the "
        "sigmoid of x, not x.",
        "s = 1 / (1 + np.exp(-x)); return s * (1 - s).",
    ),
    explanations={
        "output_for_input": "s·(1 − s) is the derivative written in the sigmoid's output s. The function "
                            "receives the input x, so compute s = 1 / (1 + np.exp(-x)) first, then s * (1 - s).",
        "wrong_gradient": "Derive it again: d/dx (1 + e^-x)^-1 = e^-x / (1 + e^-x)^2 = s·(1 − s) with "
                          "s = sigmoid(x); the entries below are the furthest off.",
        "constant_scale": "Look for a dropped or doubled constant: with the identity "
                          "sigmoid(x) = ½(1 + tanh(x/2)) the chain rule brings two factors of ½.",
        "sign_flip": "The sigmoid is increasing, so its derivative is positive everywhere: s·(1 − s), "
                     "not s·(s − 1).",
    },
)
