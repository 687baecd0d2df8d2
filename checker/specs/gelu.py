import math

import numpy as np

from checker.draws import mixed_values, shape_text, shapes_of_every_rank
from checker.spec import Case, Gradient, Kata, Mistake, Value

C = np.sqrt(2.0 / np.pi)
K = 0.044715
ERF = np.vectorize(math.erf, otypes=[np.float64])


def gelu(x):
    return 0.5 * x * (1.0 + np.tanh(C * (x + K * x ** 3)))


def normal_cdf(x):
    return 0.5 * (1.0 + ERF(x / np.sqrt(2.0)))


def gelu_erf(x):
    return x * normal_cdf(x)


def gelu_erf_grad(dout, x):
    return dout * (normal_cdf(x) + x * np.exp(-0.5 * x * x) / np.sqrt(2.0 * np.pi))


def gelu_sigmoid(x):
    return x * 0.5 * (1.0 + np.tanh(0.851 * x))  # x·σ(1.702·x), written without overflow


def tanh_form_grad(dout, x, chain=True, product=True):
    t = np.tanh(C * (x + K * x ** 3))
    du = C * (1.0 + 3.0 * K * x * x) if chain else C
    return dout * ((0.5 * (1.0 + t) if product else 0.0) + 0.5 * x * (1.0 - t * t) * du)


def where_the_forms_differ(rng, x):
    """x with one ordinary entry at −(2.2..3.2) and, where there is room, one at +(2.2..3.2): around
    |x| ≈ 2.7 the erf form is ~5e-4 from the tanh form (and its derivative ~9e-4 near |x| ≈ 2)."""
    flat = x.reshape(-1).copy()
    ordinary = np.flatnonzero(np.abs(flat) < 5.0)
    if flat.size == 1:
        ordinary = np.array([0])
    for position, sign in zip(rng.permutation(ordinary)[:2], (-1.0, 1.0)):
        flat[position] = sign * rng.uniform(2.2, 3.2)
    return flat.reshape(x.shape)


def draws(rng):
    # A batch of one, then every rank from 0-d to 4-d. Every draw holds large entries of both signs
    # (where a forgotten factor shows most) and entries where the erf and tanh forms differ.
    for shape in [(1, 7), *shapes_of_every_rank(rng)]:
        x = where_the_forms_differ(rng, mixed_values(rng, shape, kinks=()))
        yield Case(f"x {shape_text(shape)}", {"x": x}, batch=shape[0] if len(shape) > 1 else None)


ERF_FORM = ("{var} is the exact GELU, x·Φ(x) with the erf: the task is the tanh approximation "
            "0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), which differs from it by up to ~5e-4 near |x| ≈ 2.7.")

KATA = Kata(
    name="gelu",
    title="GELU (tanh approximation): forward and backward",
    topic="activations",
    difficulty="medium",
    source="Hendrycks & Gimpel, 2016 (GELU); the tanh form of BERT and GPT-2 (PyTorch approximate='tanh')",
    functions=("gelu_forward", "gelu_backward"),
    checks=(
        Value("gelu_forward", reference=gelu, cases=draws,
              mistakes=(
                  Mistake("wrong_value", "out", gelu_erf, ERF_FORM),
                  Mistake("wrong_value", "out", gelu_sigmoid,
                          "{var} is the sigmoid approximation x·σ(1.702·x): the task is the tanh form "
                          "0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))."),
              )),
        Gradient("gelu_backward", forward=gelu, cases=draws, grads={"dx": "x"},
                 mistakes=(
                     Mistake("wrong_gradient", "dx", gelu_erf_grad,
                             "{var} is the derivative of the exact GELU, Φ(x) + x·φ(x): the forward is the tanh "
                             "form, so differentiate that one."),
                     Mistake("wrong_gradient", "dx", lambda dout, x: tanh_form_grad(dout, x, chain=False),
                             "{var} leaves out part of the chain rule: the inside u = √(2/π)·(x + 0.044715·x³) "
                             "has du/dx = √(2/π)·(1 + 3·0.044715·x²), not √(2/π)."),
                     Mistake("wrong_gradient", "dx", lambda dout, x: tanh_form_grad(dout, x, product=False),
                             "{var} misses the first term of the product rule: out = ½x · (1 + tanh u), so "
                             "d out/dx = ½(1 + tanh u) + ½x · (1 − tanh² u) · du/dx."),
                 )),
    ),
    hints=(
        "Name the inside: u = √(2/π)·(x + 0.044715·x³), t = tanh(u), out = ½·x·(1 + t).",
        "out is a product of ½x and (1 + t): the product rule gives two terms.",
        "dt/dx = (1 − t²)·du/dx with du/dx = √(2/π)·(1 + 3·0.044715·x²).",
        "dx = dout * (0.5 * (1 + t) + 0.5 * x * (1 - t**2) * c * (1 + 3 * 0.044715 * x**2)).",
    ),
    explanations={
        "wrong_value": "Write the tanh form exactly: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3))).",
        "mutated_input": "Never write into dout or x: build a new array.",
    },
)
