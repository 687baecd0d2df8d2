import numpy as np

from checker.spec import Case, Finding, Grad, Kata, Loss, LossAndGrads, Mistake, Outcome

# The truth table of the kata's statement: the output copies the first column.
TRUTH_X = np.array([[0.0, 0.0, 1.0], [0.0, 1.0, 1.0], [1.0, 0.0, 1.0], [1.0, 1.0, 1.0]])
TRUTH_Y = np.array([[0.0], [0.0], [1.0], [1.0]])
FIT = 0.05  # every |p − y| must be below this after training with the default keywords
DEFAULTS = {"iters": 10000, "lr": 1.0, "seed": 0}


def predict(X, w):
    return 0.5 * (1.0 + np.tanh(0.5 * (X @ w)))


def loss(X, y, w):
    return 0.5 * float(np.sum((predict(X, w) - y) ** 2))


def derivative_of_input(X, y, w):
    """σ′ written with the output, p·(1 − p), applied to the pre-activation z instead of to p."""
    z = X @ w
    return X.T @ ((predict(X, w) - y) * z * (1.0 - z))


def grad_draws(rng):
    # N != D everywhere so a transposed dw has the wrong shape; targets anywhere in [0, 1].
    for n, d in [(5, 3), (1, 4), (6, 2)]:
        args = {"X": rng.standard_normal((n, d)), "y": rng.random((n, 1)), "w": rng.standard_normal((d, 1))}
        yield Case(f"N={n}, D={d}", args, batch=n)


# --- training --------------------------------------------------------------------------------

STEP_LR = 0.5  # the learning rate of the step checks: not the default, so a constant 1.0 shows
# Exact steps from the same start agree to rounding (~1e-15); consecutive steps differ by lr·|dw|,
# which stays above 1e-4 on the truth table for the first hundred steps.
SAME = 1e-9
# How exactly a factor must hold on every entry of the step before a scale is claimed.
FACTOR_TOLERANCE = 1e-6


def training_draws(rng):
    data = {"X": TRUTH_X.copy(), "y": TRUTH_Y.copy()}
    other_seed = int(rng.integers(1, 1000))
    # A few steps are enough to judge the start, the step and the loop; only the first call
    # trains fully.
    yield Case("truth table, default keywords", data)
    yield Case("3 steps", data, {"iters": 3})
    yield Case("3 steps, again", data, {"iters": 3})
    yield Case("50 steps", data, {"iters": 50})
    yield Case("lr=0.0, 1 step", data, {"iters": 1, "lr": 0.0})
    yield Case("lr=0.0, 3 steps", data, {"iters": 3, "lr": 0.0})
    yield Case("lr=0.0, 50 steps", data, {"iters": 50, "lr": 0.0})
    yield Case(f"lr={STEP_LR}, 1 step", data, {"iters": 1, "lr": STEP_LR})
    yield Case(f"lr={STEP_LR}, 3 steps", data, {"iters": 3, "lr": STEP_LR})
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


# --- judging the steps against exact gradient descent from the user's own start ----------------

def true_dw(X, y, w):
    p = predict(X, w)
    return X.T @ ((p - y) * p * (1.0 - p))


def trajectory(X, y, w0, lr, steps):
    """[w0, w1, ..., w_steps] of exact full-batch gradient descent."""
    path = [w0]
    for _ in range(steps):
        path.append(path[-1] - lr * true_dw(X, y, path[-1]))
    return path


def same(a, b):
    return float(np.max(np.abs(a - b))) <= SAME * max(1.0, float(np.max(np.abs(b))))


def steps_taken(case, w, w0):
    """How many exact steps of w ← w − lr·dw from w0 give w, or None if no whole number does."""
    iters, lr = case.kwargs.get("iters", DEFAULTS["iters"]), case.kwargs.get("lr", DEFAULTS["lr"])
    for j, exact in enumerate(trajectory(case.args["X"], case.args["y"], w0, lr, 2 * iters + 2)):
        if same(w, exact):
            return j
    return None


def vector_text(v):
    return "[" + ", ".join(f"{x:.4g}" for x in np.ravel(v)) + "]"


def step_factor(got, expected):
    """c with got == c · expected on every entry, if there is one."""
    scale = float(np.max(np.abs(expected)))
    if scale == 0.0:
        return None
    big = np.abs(expected) > 1e-2 * scale
    factor = float(np.median(got[big] / expected[big]))
    if factor != 0.0 and np.max(np.abs(got - factor * expected)) <= FACTOR_TOLERANCE * abs(factor) * scale:
        return factor
    return None


def one_step_finding(case, w1, w0):
    """The first step from w0 against −lr·dw(w0), named by how it differs."""
    name = "one step is w ← w − lr·dw"
    X, y, lr = case.args["X"], case.args["y"], case.kwargs["lr"]
    expected = -lr * true_dw(X, y, w0)
    got = w1 - w0
    if same(w1, w0 + expected):
        return Finding(name, True, f"lr={lr:g}, from the start of lr=0.0")
    numbers = (f"one step with lr={lr:g} (iters=1) moved w from {vector_text(w0)} by {vector_text(got)}; "
               f"w − lr·dw moves it by {vector_text(expected)}")
    if not np.any(got):
        return Finding(name, False, "w did not move", "wrong_value",
                       f"{numbers}: the step is not applied to the w you return (assign w = w − lr * dw "
                       "inside the loop; a helper that rebinds its own w changes nothing).")
    factor = step_factor(got, expected)
    n = X.shape[0]
    if factor is not None and abs(factor + 1.0) < 1e-4:
        return Finding(name, False, "the step goes uphill", "sign_flip",
                       f"{numbers}: your step is exactly the opposite, w + lr·dw; a step goes against "
                       "the gradient.")
    if factor is not None and abs(factor * n - 1.0) < 1e-4:
        return Finding(name, False, f"the step is 1/N of w − lr·dw (N={n})", "batch_scale",
                       f"{numbers}: your step is 1/N of it on every entry (×{factor:.4g}, N={n}). Did you "
                       "divide dw by the number of rows?")
    if factor is not None and abs(factor / n - 1.0) < 1e-4:
        return Finding(name, False, f"the step is N× w − lr·dw (N={n})", "batch_scale",
                       f"{numbers}: your step is N× it on every entry (×{factor:.4g}, N={n}).")
    if factor is not None:
        return Finding(name, False, f"the step is {factor:.4g}× w − lr·dw", "constant_scale",
                       f"{numbers}: your step is exactly {factor:.4g}× it on every entry. Look for a "
                       "dropped or extra constant in dw or in the update.")
    return Finding(name, False, "the step is not −lr·dw", "wrong_gradient",
                   f"{numbers}: your step is not a multiple of the gradient, so the dw you step by is "
                   "not dloss/dw. Step by the gradient of single_neuron_grad (or its formula exactly).")


STEP_NAME = "one step is w ← w − lr·dw"
LOOP_NAME = "runs iters steps"
# The calls whose number of steps is counted, all from the start of seed 0.
COUNTED = (f"lr={STEP_LR}, 1 step", "3 steps", f"lr={STEP_LR}, 3 steps", "50 steps")


def count_finding(by_label, counts):
    """Every counted call is a whole number of exact steps: are they iters of them?"""
    iters = {label: by_label[label][0].kwargs["iters"] for label in COUNTED}
    seen = sorted({(iters[label], counts[label]) for label in COUNTED})
    listing = ", ".join(f"iters={k} → {j} step{'' if j == 1 else 's'}" for k, j in seen)
    if all(counts[label] == iters[label] for label in COUNTED):
        return Finding(LOOP_NAME, True, "iters=1, 3, 50")
    values = set(counts.values())
    if values == {1}:
        return Finding(LOOP_NAME, False, "always 1 step", "wrong_value",
                       f"training stops after the first step whatever iters is ({listing}): is "
                       "the return indented into the loop?")
    if len(values) == 1:
        return Finding(LOOP_NAME, False, f"always {values.pop()} steps", "ignores_keyword",
                       f"the number of steps does not follow iters ({listing}): loop "
                       "for _ in range(iters).")
    guess = ""
    for formula, how in (("range(iters // 2)", lambda k: k // 2), ("range(1, iters)", lambda k: k - 1),
                         ("range(iters + 1), or <= in a while loop", lambda k: k + 1)):
        if all(counts[label] == how(iters[label]) for label in COUNTED):
            guess = f" ({formula}?)"
    return Finding(LOOP_NAME, False, listing, "wrong_value",
                   f"each step is right, but the loop runs the wrong number of them: {listing}"
                   f"{guess}. Run exactly iters steps.")


def step_findings(by_label, w0):
    """The step and the loop, judged against exact gradient descent from the user's own start w0."""
    def w(label):
        return by_label[label][1]

    counts = {label: steps_taken(*by_label[label], w0) for label in COUNTED}
    if all(c is not None for c in counts.values()) and any(counts.values()):
        # Whole exact steps (at least one of them somewhere): the step is right; count them.
        return [Finding(STEP_NAME, True, f"lr={STEP_LR} and lr=1.0, from the start of lr=0.0"),
                count_finding(by_label, counts)]
    if not all(c == 0 for c in counts.values()) and same(w("3 steps"), w("50 steps")) and \
            same(w(f"lr={STEP_LR}, 1 step"), w(f"lr={STEP_LR}, 3 steps")):
        return [Finding(LOOP_NAME, False, "1, 3 and 50 steps return the same weights", "ignores_keyword",
                        "iters=3 and iters=50 returned the same weights, and so did iters=1 and iters=3: "
                        "the number of steps does not follow iters (loop for _ in range(iters)).")]
    label = f"lr={STEP_LR}, 1 step"
    step = one_step_finding(by_label[label][0], w(label), w0)
    if not step.passed:
        return [step]
    exact = trajectory(TRUTH_X, TRUTH_Y, w0, STEP_LR, 3)[-1]
    return [step, Finding(LOOP_NAME, False, "3 steps are not 3 exact steps", "wrong_value",
                          f"one step with lr={STEP_LR} is right, but iters=3 does not return three of them "
                          f"from the start ({vector_text(w(f'lr={STEP_LR}, 3 steps'))} instead of "
                          f"{vector_text(exact)}): each step must be w = w - lr * dw at the current w, "
                          "nothing else.")]


def training_findings(by_label):
    def w(label):
        return by_label[label][1]

    findings = []
    name = "the same seed gives the same result"
    if not np.array_equal(w("3 steps"), w("3 steps, again")):
        return [Finding(name, False, "two calls with iters=3, seed=0 differ", "ignores_keyword",
                        "two identical calls (iters=3, seed=0) returned different weights: the start is "
                        "not drawn from the seed alone; draw it from np.random.default_rng(seed).")]
    findings.append(Finding(name, True))

    name = "uses lr: with lr=0.0 the weights stay at the start"
    start = w("lr=0.0, 1 step")
    if not (same(w("lr=0.0, 3 steps"), start) and same(w("lr=0.0, 50 steps"), start)):
        return findings + [Finding(name, False, "lr=0.0: 1, 3 and 50 steps differ", "ignores_keyword",
                                   "with lr=0.0, iters=1, 3 and 50 returned different weights: the update "
                                   "does not use lr; step by w = w - lr * dw.")]
    findings.append(Finding(name, True))

    # The start is the user's own (any seeded draw will do): lr=0.0 returns it untouched.
    findings += step_findings(by_label, start)
    if not findings[-1].passed:
        return findings

    case, other = by_label["3 steps, other seed"]
    name = "uses seed: another seed gives another result"
    seed = case.kwargs["seed"]
    if np.array_equal(w("3 steps"), other):
        return findings + [Finding(name, False, f"seed={seed} gives the weights of seed=0", "ignores_keyword",
                                   f"seed={seed} returned the same weights as seed=0: the starting weights "
                                   "do not come from the seed; draw them from np.random.default_rng(seed) "
                                   "(or np.random.seed(seed)), not from a constant.")]
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
    findings += training_findings(by_label)
    if all(f.passed for f in findings):
        findings.append(fit_finding(*by_label["truth table, default keywords"]))
    return findings


KATA = Kata(
    name="single_neuron",
    title="A single sigmoid neuron: gradient and training",
    topic="networks",
    difficulty="easy",
    source="'A neural network in 11 lines of Python' (Trask); every first backprop lecture",
    functions=("single_neuron_grad", "train_single_neuron"),
    checks=(
        LossAndGrads("single_neuron_grad", loss=loss, cases=grad_draws, returns=(Loss(), Grad("dw", "w")),
                     mistakes=(
                         Mistake("output_for_input", "dw", derivative_of_input,
                                 "{var} uses z·(1 − z) with z = X @ w: the formula σ′ = p·(1 − p) takes "
                                 "the neuron's output p = σ(z), not its input z."),
                     )),
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
        "output_for_input": "p·(1 − p) is σ′(z) written with the output: p = σ(z) must be computed "
                            "first, and z itself never appears in the derivative.",
        "wrong_shape:loss": "Your loss is already a sum; return it as a Python float: "
                            "0.5 * e.T @ e is a (1, 1) array, so take .item() of it, or write "
                            "0.5 * np.sum(e ** 2).",
        "wrong_value:loss": "The loss is ½ Σ (p − y)² over the rows, with p = σ(X @ w): a sum, not "
                            "a mean, and the ½ in front.",
        "wrong_gradient:dw": "Chain rule in three factors: (p − y), then σ′(z) = p·(1 − p), then X.T "
                             "to gather the rows into (D, 1); the entries below are the furthest off.",
        "wrong_gradient": "Every step must be w = w - lr * dw with dw = X.T @ ((p - y) * p * (1 - p)) "
                          "at the current w: step by what single_neuron_grad returns.",
        "wrong_value": "Training is w = w - lr * dw, assigned to the w you return, inside a loop that "
                       "runs exactly iters times from a start drawn from the seed; the numbers above "
                       "say which part differs.",
    },
)
