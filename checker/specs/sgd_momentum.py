import numpy as np

from checker.draws import mixed_values, shape_text
from checker.spec import Case, Kata, Mistake, Output, Value


def step(w, dw, velocity, lr=1e-2, momentum=0.9):
    velocity = momentum * velocity - lr * dw
    return w + velocity, velocity


def draws(rng):
    # Three consecutive steps, each fed the weights and the velocity your previous step returned.
    shape = (4, 3)
    previous = None
    for t in (1, 2, 3):
        label = f"step {t} of 3, w {shape_text(shape)}"
        if previous is None:
            w, velocity = rng.standard_normal(shape), np.zeros(shape)
        else:
            w, velocity = Output("sgd_momentum", previous, 0), Output("sgd_momentum", previous, 1)
        yield Case(label, {"w": w, "dw": mixed_values(rng, shape, kinks=()), "velocity": velocity})
        previous = label
    # A velocity carried from earlier steps, every keyword alone and both together, ranks 0 to 3.
    for shape, keywords in [((5,), {"lr": 0.3}), ((2, 3, 4), {"momentum": 0.5}), ((), {}),
                            ((3, 2), {"lr": 0.05, "momentum": 0.99})]:
        args = {"w": mixed_values(rng, shape, kinks=()), "dw": mixed_values(rng, shape, kinks=()),
                "velocity": np.array(rng.standard_normal(shape))}
        said = ", ".join(f"{k}={v:g}" for k, v in keywords.items())
        yield Case(f"w {shape_text(shape)}" + (f", {said}" if said else ""), args, dict(keywords))


POSITIVE = ("{var} comes from a velocity kept with the opposite sign, v = μ·v + lr·dw and w − v: this task's "
            "velocity is v = μ·v − lr·dw and the weights move by + v, so the velocity you are given and return "
            "has the other sign.")

KATA = Kata(
    name="sgd_momentum",
    title="One step of SGD with momentum",
    topic="optimizers",
    difficulty="easy",
    source="CS231n assignment 2 (optim.sgd_momentum)",
    functions=("sgd_momentum",),
    checks=(
        Value("sgd_momentum", reference=step, cases=draws, outputs=("w", "velocity"),
              mistakes=(Mistake("wrong_value", "velocity",
                                lambda w, dw, velocity, lr=1e-2, momentum=0.9: momentum * velocity + dw,
                                "{var} is μ·v + dw, the form that multiplies by lr later: this task's velocity "
                                "already holds the step, v = μ·v − lr·dw, and w + v is the new weight."),
                        Mistake("sign_flip", "w",
                                lambda w, dw, velocity, lr=1e-2, momentum=0.9: w - (momentum * velocity + lr * dw),
                                POSITIVE),
                        Mistake("sign_flip", "velocity",
                                lambda w, dw, velocity, lr=1e-2, momentum=0.9: momentum * velocity + lr * dw,
                                POSITIVE))),
    ),
    hints=(
        "Two lines: the new velocity from the old one and the gradient, then the weights moved by the new "
        "velocity.",
        "velocity = momentum * velocity - lr * dw; w = w + velocity. The velocity carries the minus sign and "
        "the learning rate.",
        "`velocity *= momentum` or `w += velocity` change the caller's arrays: write `velocity = momentum * "
        "velocity - lr * dw` and `w + velocity`, which make new ones.",
    ),
    explanations={
        "mutated_input": "An in-place update (`w += ...`, `velocity *= ...`) changes the arrays the caller "
                         "passed in: build new ones with `velocity = momentum * velocity - lr * dw` and "
                         "`w + velocity`.",
        "sign_flip:velocity": "This velocity carries the minus sign: v = μ·v − lr·dw, and the weights move by "
                              "+v.",
    },
)
