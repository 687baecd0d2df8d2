import numpy as np

from checker.draws import log_uniform, mixed_values, shape_text
from checker.spec import Case, Kata, Mistake, Output, Value


def adam(w, dw, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, variant="right"):
    """One step, right or as a classic variant does it."""
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw ** 2
    m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
    if variant == "eps_inside":
        return w - lr * m_hat / np.sqrt(v_hat + eps), m, v
    if variant == "corrected_returned":
        return w - lr * m_hat / (np.sqrt(v_hat) + eps), m_hat, v_hat
    if variant == "uncorrected":
        return w - lr * m / (np.sqrt(v) + eps), m, v
    if variant == "folded_step":
        # The paper's faster form: the corrections folded into the step size, eps then added to √v.
        step = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
        return w - step * m / (np.sqrt(v) + eps), m, v
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


def gradient(rng, shape):
    """Mixed scales, and gradients of 1e-9 to 1e-6 on some entries: there eps is as large as √v̂."""
    dw = mixed_values(rng, shape, kinks=())
    if dw.size > 2:
        tiny = rng.choice(dw.size, size=dw.size // 3, replace=False)
        dw.flat[tiny] = rng.choice([-1.0, 1.0], size=tiny.size) * log_uniform(rng, 1e-9, 1e-6, tiny.size)
    return dw


def history(rng, shape, steps, **keywords):
    """m and v as they stand after ``steps`` updates of random gradients from zero: consistent moments."""
    m, v = np.zeros(shape), np.zeros(shape)
    scale = log_uniform(rng, 1e-3, 10.0, shape)
    for t in range(1, steps + 1):
        _, m, v = adam(np.zeros(shape), scale * rng.standard_normal(shape), m, v, t, **keywords)
    return m, v


def chain(rng, shape, steps, keywords):
    """Steps 1 to ``steps`` from m = v = 0, each fed the w, m, v your previous step returned."""
    said = "".join(f", {k}={v:g}" for k, v in keywords.items())
    previous = None
    for t in range(1, steps + 1):
        label = f"step {t} of {steps}, w {shape_text(shape)}{said}"
        if previous is None:
            state = {"w": rng.standard_normal(shape), "m": np.zeros(shape), "v": np.zeros(shape)}
        else:
            state = {name: Output("adam", previous, i) for i, name in enumerate(("w", "m", "v"))}
        args = {"w": state["w"], "dw": gradient(rng, shape), "m": state["m"], "v": state["v"], "t": t}
        yield Case(label, args, dict(keywords))
        previous = label


def draws(rng):
    yield from chain(rng, (4, 3), 3, {})
    yield from chain(rng, (5,), 2, {"lr": 0.01, "beta1": 0.5, "beta2": 0.8})
    # Later steps with moments from a real history, each keyword alone.
    for shape, t, keywords in [((2, 3, 4), 1000, {"lr": 0.05}), ((3, 2), 5, {"beta1": 0.7}),
                               ((6,), 2, {"beta2": 0.99}), ((2, 5), 1, {"eps": 1e-4}), ((), 10, {})]:
        m, v = history(rng, shape, t - 1, **{k: x for k, x in keywords.items() if k.startswith("beta")})
        args = {"w": np.array(rng.standard_normal(shape)), "dw": gradient(rng, shape), "m": m, "v": v, "t": t}
        said = "".join(f", {k}={x:g}" for k, x in keywords.items())
        yield Case(f"step {t}, w {shape_text(shape)}{said}", args, dict(keywords))


def _mistake(variable, index, variant, message):
    return Mistake("wrong_value", variable, lambda w, dw, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8:
                   adam(w, dw, m, v, t, lr, beta1, beta2, eps, variant=variant)[index], message)


EPS_INSIDE = ("{var} adds eps inside the square root, √(v̂ + eps): this task adds it after, √v̂ + eps. They differ "
              "wherever the gradient is small, where √v̂ is near eps.")
CORRECTED = ("{var} is the bias-corrected moment: return the raw m and v, which the next step averages on from; "
             "m̂ and v̂ are used for this step's update only.")
UNCORRECTED = ("{var} comes from an update without the bias correction: divide m by 1 − beta1**t and v by "
               "1 − beta2**t before the step (it matters most at t = 1 and 2).")
FOLDED = ("{var} comes from the corrections folded into the step size, lr·√(1 − β2^t)/(1 − β1^t)·m/(√v + eps): "
          "that adds eps to the uncorrected √v. This task adds it to √v̂, the corrected one.")

KATA = Kata(
    name="adam",
    title="One step of the Adam optimizer",
    topic="optimizers",
    difficulty="medium",
    source="Kingma & Ba, Adam (2015); CS231n assignment 2 (optim.adam)",
    functions=("adam",),
    checks=(
        Value("adam", reference=adam, cases=draws, outputs=("w", "m", "v"),
              mistakes=(_mistake("w", 0, "eps_inside", EPS_INSIDE), _mistake("m", 1, "corrected_returned", CORRECTED),
                        _mistake("v", 2, "corrected_returned", CORRECTED), _mistake("w", 0, "uncorrected", UNCORRECTED),
                        _mistake("w", 0, "folded_step", FOLDED))),
    ),
    hints=(
        "Update the raw moments first: m = beta1·m + (1 − beta1)·dw, v = beta2·v + (1 − beta2)·dw². These "
        "are what you return.",
        "Correct them for this step only: m̂ = m / (1 − beta1**t), v̂ = v / (1 − beta2**t), with t as given "
        "(1 at the first step).",
        "w − lr·m̂ / (np.sqrt(v̂) + eps): eps after the square root. Build new arrays (no +=, *=) so the caller's "
        "w, m and v are unchanged.",
    ),
    explanations={
        "mutated_input": "An in-place update (`m *= beta1`, `w -= ...`) changes the arrays the caller passed in: "
                         "write `m = beta1 * m + (1 - beta1) * dw` and return `w - ...`, which make new ones.",
        "non_finite": "t is 1-based: at t = 1 the correction divides by 1 − beta1**1, which is not 0. A step "
                      "counted from 0 divides by 1 − beta**0 = 0.",
        "ignores_keyword": "Use lr, beta1, beta2 and eps as given, in the moments and in the corrections.",
    },
)
