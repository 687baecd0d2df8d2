import numpy as np

from checker.spec import Case, Finding, Grad, Kata, Loss, LossAndGrads, Outcome

# The truth table of the kata's statement: the output copies the first column.
TRUTH_X = np.array([[0.0, 0.0, 1.0], [0.0, 1.0, 1.0], [1.0, 0.0, 1.0], [1.0, 1.0, 1.0]])
TRUTH_Y = np.array([[0.0], [0.0], [1.0], [1.0]])
FIT = 0.05  # every |p − y| must be below this after training with the default keywords
DEFAULTS = {"iters": 10000, "lr": 1.0, "seed": 0}


def predict(X, w):
    return 0.5 * (1.0 + np.tanh(0.5 * (X @ w)))


def loss(X, y, w):
    return 0.5 * float(np.sum((predict(X, w) - y) ** 2))


def grad_draws(rng):
    # N != D everywhere so a transposed dw has the wrong shape; targets anywhere in [0, 1].
    for n, d in [(5, 3), (1, 4), (6, 2)]:
        args = {"X": rng.standard_normal((n, d)), "y": rng.random((n, 1)), "w": rng.standard_normal((d, 1))}
        yield Case(f"N={n}, D={d}", args, batch=n)


# --- training --------------------------------------------------------------------------------

def training_draws(rng):
    data = {"X": TRUTH_X.copy(), "y": TRUTH_Y.copy()}
    other_seed = int(rng.integers(1, 1000))
    # A few steps are enough to see whether a keyword is used; only the first call trains fully.
    yield Case("truth table, default keywords", data)
    yield Case("3 steps", data, {"iters": 3})
    yield Case("3 steps, again", data, {"iters": 3})
    yield Case("50 steps", data, {"iters": 50})
    yield Case("lr=0.0, 3 steps", data, {"iters": 3, "lr": 0.0})
    yield Case("lr=0.0, 50 steps", data, {"iters": 50, "lr": 0.0})
    yield Case("3 steps, other seed", data, {"iters": 3, "seed": other_seed})


def call_text(case):
    keywords = ", ".join(f"{k}={v!r}" for k, v in case.kwargs.items())
    return f"train_single_neuron(X, y{', ' + keywords if keywords else ''})"


def read(case, value):
    """(w as a float64 array, None) or (None, Finding that says what is wrong with the value)."""
    name = "returns w of shape (D, 1)"
    shape = (case.args["X"].shape[1], 1)
    if value is None:
        return None, Finding(name, False, case.label, "returned_none",
                             f"{call_text(case)} returned None; return the trained w.")
    if isinstance(value, (tuple, list, dict)) or not hasattr(value, "shape"):
        return None, Finding(name, False, case.label, "wrong_type",
                             f"{call_text(case)} returned a {type(value).__name__}; expected the "
                             f"weights w, a numpy array of shape {shape}.")
    w = np.asarray(value)
    if w.dtype.kind not in "fiu":
        return None, Finding(name, False, case.label, "wrong_type",
                             f"{call_text(case)} returned an array of dtype {w.dtype}; expected float64.")
    if w.shape != shape:
        return None, Finding(name, False, case.label, "wrong_shape",
                             f"{call_text(case)} returned an array of shape {w.shape}; expected {shape}, "
                             "the shape of w.")
    w = w.astype(np.float64)
    if not np.all(np.isfinite(w)):
        return None, Finding(name, False, case.label, "non_finite",
                             f"{call_text(case)} returned weights with NaN or inf entries.")
    return w, None


def fit_finding(case, w):
    X, y = case.args["X"], case.args["y"]
    p = predict(X, w)
    errors = np.abs(p - y)[:, 0]
    worst = int(np.argmax(errors))
    name = f"fits the truth table: every |p − y| < {FIT}"
    detail = f"max |p − y| {errors[worst]:.3g}"
    if errors[worst] < FIT:
        return Finding(name, True, detail)
    row = ", ".join(f"{v:g}" for v in X[worst])
    return Finding(name, False, detail, "wrong_value",
                   f"after training with the default keywords, |p − y| is {errors[worst]:.3f} on row "
                   f"{worst} (X = [{row}], y = {y[worst, 0]:g}, p = {p[worst, 0]:.3f}); every row must be "
                   f"within {FIT}.")


def keyword_findings(by_label):
    def w(label):
        return by_label[label][1]

    findings = []
    name = "the same seed gives the same result"
    if not np.array_equal(w("3 steps"), w("3 steps, again")):
        findings.append(Finding(name, False, "two calls with iters=3, seed=0 differ", "ignores_keyword",
                                "two identical calls (iters=3, seed=0) returned different weights: the start "
                                "is not drawn from the seed alone (use np.random.default_rng(seed))."))
        return findings
    findings.append(Finding(name, True))

    name = "uses lr: with lr=0.0 the result does not depend on iters"
    if not np.array_equal(w("lr=0.0, 3 steps"), w("lr=0.0, 50 steps")):
        findings.append(Finding(name, False, "lr=0.0: 3 and 50 steps differ", "ignores_keyword",
                                "with lr=0.0, 50 steps returned other weights than 3 steps: the update does "
                                "not use lr."))
        return findings
    findings.append(Finding(name, True))

    name = "uses iters: 3 and 50 steps give different results"
    if np.array_equal(w("3 steps"), w("50 steps")):
        findings.append(Finding(name, False, "3 and 50 steps return the same weights", "ignores_keyword",
                                "iters=3 and iters=50 returned the same weights: the number of steps does "
                                "not follow iters."))
        return findings
    findings.append(Finding(name, True))

    case, other = by_label["3 steps, other seed"]
    name = "uses seed: another seed gives another result"
    seed = case.kwargs["seed"]
    if np.array_equal(w("3 steps"), other):
        findings.append(Finding(name, False, f"seed={seed} gives the weights of seed=0", "ignores_keyword",
                                f"seed={seed} returned the same weights as seed=0: the starting weights do "
                                "not come from the seed."))
        return findings
    findings.append(Finding(name, True, f"seed={seed}"))
    return findings


def assess(cases, values):
    by_label = {}
    for case, value in zip(cases, values):
        w, problem = read(case, value)
        if problem:
            return [problem]
        by_label[case.label] = (case, w)
    findings = [Finding("returns w of shape (D, 1)", True, f"{len(cases)} calls")]
    findings.append(fit_finding(*by_label["truth table, default keywords"]))
    return findings + keyword_findings(by_label)


KATA = Kata(
    name="single_neuron",
    title="A single sigmoid neuron: gradient and training",
    topic="networks",
    difficulty="easy",
    source="'A neural network in 11 lines of Python' (Trask); every first backprop lecture",
    functions=("single_neuron_grad", "train_single_neuron"),
    checks=(
        LossAndGrads("single_neuron_grad", loss=loss, cases=grad_draws, returns=(Loss(), Grad("dw", "w"))),
        Outcome("train_single_neuron", cases=training_draws, assess=assess,
                title="trains on the truth table and uses its keywords"),
    ),
    hints=(
        "Chain rule in three factors: dloss/dp = p − y, dp/dz = σ′(z) for z = X @ w, and dz/dw = X.",
        "σ′(z) = p·(1 − p) with p = σ(z); the factors p − y and p·(1 − p) multiply row by row, "
        "and X.T gathers them into dw of shape (D, 1).",
        "dw = X.T @ ((p - y) * p * (1 - p)); train with w = w - lr * dw inside a loop of iters steps, "
        "from w = 2 * np.random.default_rng(seed).random((D, 1)) - 1.",
    ),
    explanations={
        "sign_flip:dw": "The derivative of ½(p − y)² w.r.t. p is p − y. The famous 11-line network "
                        "computes the error y − p and then *adds* the step (w += ...): the same update, "
                        "but that quantity is minus the gradient.",
        "batch_scale": "The loss is a sum over the rows, not a mean: nothing is divided by N.",
        "wrong_value": "Check that every step really changes w (w = w - lr * dw, assigned inside the "
                       "loop), that the step goes against the gradient, and that the loop runs iters "
                       "times before you return.",
        "ignores_keyword": "Use the keyword arguments you are given (iters, lr, seed), not constants: "
                           "draw the start from np.random.default_rng(seed).",
    },
)
