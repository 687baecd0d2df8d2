import numpy as np

from checker.draws import mixed_values, shape_text, shapes_of_every_rank
from checker.spec import Case, Gradient, Kata, Mistake


def draws(rng):
    # A batch of one, then every rank from 0-d to 4-d. Every draw of two entries or more mixes
    # standard normal entries (where 1 − tanh differs from 1 − tanh²) with large ones of both
    # signs (where 1 − x², the derivative written in the output but fed the input, is far off).
    for shape in [(1, 7), *shapes_of_every_rank(rng)]:
        yield Case(f"x {shape_text(shape)}", {"x": mixed_values(rng, shape, kinks=())},
                   batch=shape[0] if len(shape) > 1 else None)


KATA = Kata(
    name="tanh_backward",
    title="Backward pass of a tanh",
    topic="activations",
    difficulty="easy",
    source="CS231n assignment 3 (rnn_layers.py); Karpathy's micrograd (Value.tanh)",
    functions=("tanh_backward",),
    checks=(
        Gradient("tanh_backward", forward=np.tanh, cases=draws, grads={"dx": "x"},
                 mistakes=(
                     Mistake("output_for_input", "dx", lambda dout, x: dout * (1.0 - x ** 2),
                             "{var} is dout·(1 − x²): 1 − out² is the derivative written in the output "
                             "out = tanh(x), but it was applied to the input x. Compute out = np.tanh(x) first."),
                     Mistake("wrong_gradient", "dx", lambda dout, x: dout * (1.0 - np.tanh(x)),
                             "{var} is dout·(1 − tanh x): the derivative is 1 − tanh²(x), the square is missing."),
                     Mistake("wrong_gradient", "dx", lambda dout, x: dout * np.tanh(x) * (1.0 - np.tanh(x)),
                             "{var} is dout·t·(1 − t) with t = tanh(x): that is the sigmoid's derivative "
                             "pattern. For tanh it is 1 − t²."),
                     Mistake("wrong_gradient", "dx", lambda dout, x: dout / np.cosh(x),
                             "{var} is dout / cosh(x): the derivative is sech²(x) = 1 / cosh²(x), the square "
                             "is missing."),
                 )),
    ),
    hints=(
        "tanh = sinh / cosh; the quotient rule gives d tanh/dx = (cosh² − sinh²) / cosh².",
        "cosh² − sinh² = 1, so the derivative is 1 − tanh²(x), a function of the output.",
        "You are given x, not the output: out = np.tanh(x); dx = dout * (1 - out ** 2).",
    ),
    explanations={
        "output_for_input": "1 − out² is the derivative in terms of the output out = tanh(x). This function "
                            "receives the input x: compute out = np.tanh(x) first, then dout * (1 − out²).",
        "mutated_input": "Never write into dout or x (dout *= …): the caller still needs them. Build a new array.",
    },
)
