import numpy as np

from checker import datasets
from checker.numeric import compare
from checker.spec import Case, Finding, Kata, Outcome

PIXELS, CLASSES = 64, 10
DEFAULTS = {"hidden_size": 50, "lr": 0.1, "iters": 2000, "batch_size": 100, "seed": 0}
TEST_FRACTION = 0.2
ACCURACY_BAR = 0.90
# The mean loss of the last tenth of the steps must be at most this fraction of the first tenth's.
FALL_RATIO = 0.5
# A loss that ends this far above its first steps is being climbed, not descended.
RISE_RATIO = 1.2
# With the whole training set as the batch and lr=0, every step sees the same loss; minibatches
# drawn with replacement leave a spread of about 1/√N of the per-row spread (0.026 for N=1438),
# minibatches of the default 100 rows about 0.1.
FULL_BATCH_SPREAD = 0.05
NAMES = ("W1", "b1", "W2", "b2")
SMALL_RUN = {"hidden_size": 7, "lr": 0.05, "iters": 30, "batch_size": 32, "seed": 5}
# The one-step check trains on STEP_ROWS copies of one row, so every minibatch of STEP_BATCH rows,
# however it is drawn, is that row: one step must move the weights by exactly -lr times the
# gradient of that row's loss. Pixels of at most 0.4 give hidden pre-activations of about unit
# spread, so among 24 units some fall in (0, 1) and some below 0 (a sigmoid wrong on part of its
# range shows) while the logits stay moderate.
STEP_ROWS, STEP_BATCH, STEP_HIDDEN, STEP_LR = 7, 3, 24, 0.5
STEP_PIXELS = (0.05, 0.4)
# The update is exact arithmetic on float64 weights of order 1: rounding leaves about 1e-15.
STEP_RTOL, STEP_FLOOR = 1e-6, 1e-9
# The textbook writes log(y + 1e-7): its recorded loss is off by about 1e-7 / y, up to 1e-5 of the
# loss for the probabilities a fresh net gives; one step of lr=0.5 changes the loss by far more.
STEP_LOSS_RTOL = 1e-4
# Two identical training runs are identical to the last bit; a loose bound spares a BLAS that
# splits its sums differently from call to call.
SAME_RUN_RTOL = 1e-9
# The task's start is W = 0.5·N(0, 1), b = 0. The root mean square of W1 (D·H = 3200 entries at the
# defaults) and of W2 (H·C = 500) has a relative standard error of 1/√(2n): 1.3% and 3.2%. A band of
# ±20% is over six of them, so a start that follows the task falls outside it with probability
# below 1e-9, while the textbook's 0.01, CS231n's 1e-4 or a Xavier 1/√D (0.125) are far outside.
INITIAL_SCALE, SCALE_BAND = 0.5, 0.2
KNOWN_SCALES = {0.01: "the textbook's weight_init_std = 0.01", 1e-4: "CS231n's std = 1e-4"}
# The calls, in the order draws() makes them.
(TRAINED, SMALL, INITIAL, LONGER, AGAIN, RESEEDED, FULL_BATCH,
 STEP_START, STEP, SMALL_AGAIN, TWO_STEPS) = range(11)


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def logits(params, x):
    # The user's weights may be huge: an overflow here is a finding, not a warning on the console.
    with np.errstate(all="ignore"):
        return sigmoid(x @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]


def row_losses(params, x, labels):
    z = logits(params, x)
    with np.errstate(all="ignore"):
        top = z.max(axis=1)
        log_norm = top + np.log(np.exp(z - top[:, None]).sum(axis=1))
        return log_norm - z[np.arange(len(labels)), labels]


def draws(rng):
    images, labels = datasets.load_digits()
    x, y, x_test, y_test = datasets.held_out_split(images, labels, TEST_FRACTION, int(rng.integers(2**31)))
    data = {"x": x, "t": datasets.one_hot(y, CLASSES)}
    n = len(x)
    other_seed = int(rng.integers(1, 1000))
    yield Case(f"digits, {n} training rows, default keywords", data, context={"held_out": (x_test, y_test)})
    yield Case("a small net, a short run", data, SMALL_RUN)
    yield Case("the initial weights", data, {"lr": 0.0, "iters": 1})
    yield Case("the initial weights after 5 steps of lr=0", data, {"lr": 0.0, "iters": 5})
    yield Case("the initial weights, again", data, {"lr": 0.0, "iters": 1})
    yield Case("the initial weights of another seed", data, {"lr": 0.0, "iters": 1, "seed": other_seed})
    yield Case("every training row in the batch", data, {"lr": 0.0, "iters": 40, "batch_size": n})
    step_seed = int(rng.integers(1, 1000))
    row = rng.uniform(*STEP_PIXELS, PIXELS)
    label = int(rng.integers(CLASSES))
    step_data = {"x": np.tile(row, (STEP_ROWS, 1)), "t": np.tile(np.eye(CLASSES)[label], (STEP_ROWS, 1))}
    step_kwargs = {"hidden_size": STEP_HIDDEN, "iters": 1, "batch_size": STEP_BATCH, "seed": step_seed}
    yield Case(f"{STEP_ROWS} copies of one row, the initial weights", step_data, {**step_kwargs, "lr": 0.0})
    yield Case(f"{STEP_ROWS} copies of one row, one step", step_data, {**step_kwargs, "lr": STEP_LR})
    yield Case("a small net, a short run, again", data, SMALL_RUN)
    # After one step the biases are no longer 0, so a second step shows a forward pass without them.
    yield Case(f"{STEP_ROWS} copies of one row, two steps", step_data, {**step_kwargs, "iters": 2, "lr": STEP_LR})


def keyword(case, name):
    return case.kwargs.get(name, DEFAULTS[name])


def shapes(hidden):
    return {"W1": (PIXELS, hidden), "b1": (hidden,), "W2": (hidden, CLASSES), "b2": (CLASSES,)}


def kwargs_text(case):
    return ", ".join(f"{k}={v!r}" for k, v in case.kwargs.items()) or "the default keywords"


def type_name(value):
    return getattr(value, "type_name", type(value).__name__)  # the child's objects arrive described


def read(value, case):
    """(params, loss_history as a float array, None), or (..., (code, message)) for a problem; the
    arrays come with a non_finite problem, which the judge may explain first."""
    if value is None:
        return None, None, ("returned_none", "it returned None; return (params, loss_history).")
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return None, None, ("wrong_type", f"it returned a {type_name(value)}; expected a tuple "
                                          "(params, loss_history).")
    params, history = value
    if isinstance(history, dict) and not isinstance(params, dict):
        return None, None, ("wrong_type", "it returned (loss_history, params); return (params, loss_history).")
    if not isinstance(params, dict):
        return None, None, ("wrong_type", f"params is a {type_name(params)}; expected a dict with keys "
                                          "W1, b1, W2, b2.")
    missing = [k for k in NAMES if k not in params]
    if missing:
        return None, None, ("wrong_type", f"params has no {', '.join(missing)} (its keys: "
                                          f"{', '.join(map(str, params)) or 'none'}).")
    hidden = keyword(case, "hidden_size")
    arrays = {}
    for name, shape in shapes(hidden).items():
        got = params[name]
        if not isinstance(got, np.ndarray) or got.dtype.kind not in "fiu":
            return None, None, ("wrong_type", f"params[{name!r}] is a {type_name(got)}; expected a float64 "
                                              "numpy array.")
        if got.shape != shape:
            if case.kwargs and got.shape == shapes(DEFAULTS["hidden_size"])[name]:
                return None, None, ("ignores_keyword", f"called with {kwargs_text(case)}, params[{name!r}] has "
                                                       f"shape {got.shape}, the shape for the default hidden_size "
                                                       f"{DEFAULTS['hidden_size']}; expected {shape}.")
            return None, None, ("wrong_shape", f"params[{name!r}] has shape {got.shape}; expected {shape} "
                                               f"(called with {kwargs_text(case)}).")
        arrays[name] = got.astype(np.float64)
    try:
        history = np.asarray(history, dtype=np.float64)
    except (TypeError, ValueError):
        return None, None, ("wrong_type", "loss_history is not a sequence of numbers.")
    if history.ndim != 1:
        return None, None, ("wrong_shape", f"loss_history has shape {history.shape}; expected a flat list of "
                                           f"{keyword(case, 'iters')} losses.")
    bad = [name for name, a in arrays.items() if not np.all(np.isfinite(a))]
    if bad:
        return arrays, history, ("non_finite", f"{', '.join(bad)} hold nan or inf after training "
                                               f"({kwargs_text(case)}).")
    return arrays, history, None


def length_finding(case, history, name):
    iters = keyword(case, "iters")
    if len(history) == iters:
        return Finding(name, True)
    if case.kwargs and len(history) == DEFAULTS["iters"]:
        return Finding(name, False, f"{len(history)} entries", "ignores_keyword",
                       f"called with iters={iters}, it made {len(history)} steps, the default number.")
    return Finding(name, False, f"{len(history)} entries", "wrong_shape",
                   f"loss_history has {len(history)} entries with iters={iters}; expected one loss per "
                   "step, appended every iteration.")


def falling_finding(history):
    name = "the loss falls"
    if not np.all(np.isfinite(history)):
        step = int(np.flatnonzero(~np.isfinite(history))[0])
        return Finding(name, False, f"nan or inf from step {step}", "non_finite",
                       f"loss_history holds nan or inf from step {step} on.")
    k = max(1, len(history) // 10)
    first, last = float(np.mean(history[:k])), float(np.mean(history[-k:]))
    detail = f"mean of the first {k} steps {first:.3g} → last {k} steps {last:.3g}"
    if last <= FALL_RATIO * first:
        return Finding(name, True, detail)
    # Climbing the gradient takes the loss well above where it started within a few steps, so
    # the first tenth can already be high: compare with the very first steps.
    k0 = max(1, len(history) // 100)
    start = float(np.mean(history[:k0]))
    if last > RISE_RATIO * start:
        return Finding(name, False, detail, "sign_flip",
                       f"the loss rises during training (first {k0} steps {start:.3g} → last {k} steps "
                       f"{last:.3g}): each step climbs the gradient instead of descending it.")
    return Finding(name, False, detail, "wrong_value",
                   f"the loss hardly falls ({detail}); a correct net ends below {FALL_RATIO:g}× its start.")


def accuracy_finding(case, params):
    images, labels = case.context["held_out"]
    accuracy = float(np.mean(np.argmax(logits(params, images), axis=1) == labels))
    detail = f"{accuracy:.3f} on {len(labels)} held-out digits"
    passed = accuracy >= ACCURACY_BAR
    return Finding(f"held-out accuracy ≥ {ACCURACY_BAR:.2f}", passed, detail,
                   "" if passed else "wrong_value",
                   f"the trained net classifies {accuracy:.1%} of the held-out digits correctly; "
                   f"at least {ACCURACY_BAR:.0%} is expected with the default keywords.")


def moved_finding(trained, initial):
    still = [name for name in NAMES if np.array_equal(trained[name], initial[name])]
    name = "every parameter is updated"
    if not still:
        return Finding(name, True)
    return Finding(name, False, f"{', '.join(still)} unchanged", "zero_gradient",
                   f"after {DEFAULTS['iters']} steps, {' and '.join(still)} still hold exactly the initial "
                   "values: never updated.")


def same_params(a, b):
    return all(np.array_equal(a[name], b[name]) for name in NAMES)


def reproducible_findings(cases, params):
    """lr=0.0 keeps the initial weights, a seed fixes them, another seed changes them."""
    first, longer, again, reseeded = ((cases[i], params[i]) for i in (INITIAL, LONGER, AGAIN, RESEEDED))
    findings = []
    name = "the same seed gives the same initial weights"
    if not same_params(first[1], again[1]):
        findings.append(Finding(name, False, "two calls with seed=0 differ", "ignores_keyword",
                                "two identical calls (lr=0.0, iters=1, seed=0) returned different weights: "
                                "they are not drawn from the seed alone."))
        return findings
    findings.append(Finding(name, True))
    name = "lr=0.0 leaves the initial weights unchanged"
    if not same_params(first[1], longer[1]):
        changed = [n for n in NAMES if not np.array_equal(first[1][n], longer[1][n])]
        findings.append(Finding(name, False, f"{', '.join(changed)} changed", "ignores_keyword",
                                f"with lr=0.0, 5 steps returned other weights than 1 step ({', '.join(changed)} "
                                "changed): the update does not use lr (or the initial weights depend on "
                                "iters: draw them first)."))
        return findings
    findings.append(Finding(name, True))
    name = "another seed gives other initial weights"
    seed = reseeded[0].kwargs["seed"]
    if same_params(first[1], reseeded[1]):
        findings.append(Finding(name, False, f"seed={seed} gives the weights of seed=0", "ignores_keyword",
                                f"seed={seed} returned the same initial weights as seed=0: the seed is not used."))
        return findings
    findings.append(Finding(name, True, f"seed={seed}"))
    return findings


def initial_scale_finding(params):
    """The initial weights are part of the task: another scale is named, whatever it trains to."""
    name = f"starts from W = {INITIAL_SCALE:g}·N(0, 1), b = 0"
    scales = {k: float(np.sqrt(np.mean(params[k] ** 2))) for k in ("W1", "W2")}
    detail = f"RMS of W1 {scales['W1']:.3g}, of W2 {scales['W2']:.3g}"
    off = [k for k, v in scales.items() if abs(v / INITIAL_SCALE - 1.0) > SCALE_BAND]
    if off:
        known = [words for scale, words in KNOWN_SCALES.items()
                 if all(abs(scales[k] / scale - 1.0) <= SCALE_BAND for k in off)]
        return Finding(name, False, detail, "wrong_value",
                       f"the initial weights (lr=0.0, iters=1) are not on the task's scale: the {detail}, "
                       f"where {INITIAL_SCALE:g}·N(0, 1) gives {INITIAL_SCALE:g}"
                       f"{' (' + known[0] + '?)' if known else ''}. The start is part of the task: draw "
                       f"W1 and W2 as {INITIAL_SCALE:g} * rng.standard_normal(shape), as the stub states.")
    biased = [k for k in ("b1", "b2") if np.any(params[k] != 0.0)]
    if biased:
        largest = max(float(np.max(np.abs(params[k]))) for k in biased)
        return Finding(name, False, f"{', '.join(biased)} nonzero", "wrong_value",
                       f"the initial {' and '.join(biased)} (lr=0.0, iters=1) are not zero (largest "
                       f"|entry| {largest:.3g}); the task starts every bias at 0: np.zeros(size).")
    return Finding(name, True, detail)


def full_batch_finding(case, params, history):
    """With every row in the batch and lr=0, each recorded loss is the mean loss of the training set."""
    n = keyword(case, "batch_size")
    name = f"each loss is the mean over a batch of batch_size rows (batch_size={n}, lr=0.0)"
    if len(history) != keyword(case, "iters") or not np.all(np.isfinite(history)):
        return Finding(name, False, f"{len(history)} entries", "wrong_shape",
                       f"called with {kwargs_text(case)}, loss_history has {len(history)} entries or "
                       "non-finite ones; expected one finite loss per step.")
    labels = np.argmax(case.args["t"], axis=1)
    losses = row_losses(params, case.args["x"], labels)
    expected, spread = float(np.mean(losses)), float(np.std(losses))
    recorded = float(np.mean(history))
    detail = f"mean recorded {recorded:.4g}, mean loss of the {n} rows {expected:.4g}"
    if not np.isfinite(expected):
        return Finding(name, False, detail, "wrong_value",
                       "the returned initial weights are so large that the loss overflows; start from "
                       "0.5 · standard normal weights as stated.")
    ratio = recorded / expected if expected > 0 else np.inf
    for factor, words in ((n, "a sum over the batch"), (1.0 / n, "divided by the batch size twice")):
        if abs(ratio - factor) <= 0.05 * factor:
            return Finding(name, False, detail, "batch_scale",
                           f"each recorded loss is {ratio:.4g}× the mean loss of its batch of N={n} rows: "
                           f"{words}, not the mean over the batch.")
    wobble = float(np.std(history))
    if wobble > FULL_BATCH_SPREAD * spread:
        rows = spread ** 2 * len(losses) / (wobble ** 2 * (len(losses) - 1) + spread ** 2)
        return Finding(name, False, detail, "ignores_keyword",
                       f"called with batch_size={n} (every training row) and lr=0.0, the recorded losses "
                       f"still vary from step to step (std {wobble:.3g}), as batches of about {rows:.0f} rows "
                       "would: the minibatch size does not follow batch_size.")
    if abs(recorded - expected) > 1e-2 * expected + FULL_BATCH_SPREAD * spread:
        return Finding(name, False, detail, "wrong_value",
                       f"with the whole training set as the batch and lr=0.0, the recorded losses average "
                       f"{recorded:.4g}; the mean cross-entropy of your returned weights on it is {expected:.4g}.")
    return Finding(name, True, detail)


HIDDEN_DERIVATIVES = {
    "sigmoid": lambda z1, h: h * (1.0 - h),
    "none": lambda z1, h: np.ones_like(h),
    "pre-activation": lambda z1, h: z1 * (1.0 - z1),
}


def row_gradients(params, x, label, derivative="sigmoid"):
    """The gradients of one row's cross-entropy, which is also the mean loss of any batch of its
    copies; ``derivative`` names what multiplies dh on the way back through the hidden layer."""
    with np.errstate(all="ignore"):
        z1 = x @ params["W1"] + params["b1"]
        h = sigmoid(z1)
        z2 = h @ params["W2"] + params["b2"]
        y = np.exp(z2 - z2.max())
        y /= y.sum()
        dz2 = y - np.eye(len(y))[label]
        dz1 = (params["W2"] @ dz2) * HIDDEN_DERIVATIVES[derivative](z1, h)
        return {"W1": np.outer(x, dz1), "b1": dz1, "W2": np.outer(h, dz2), "b2": dz2}


def worst_entry(got, expected):
    """(index text, got, expected, max relative error) at the largest relative error."""
    error = np.abs(got - expected) / np.maximum(np.abs(expected), 1e-12 * np.max(np.abs(expected)) + 1e-300)
    index = np.unravel_index(int(np.argmax(error)), np.shape(got))
    return f"[{', '.join(map(str, index))}]", float(got[index]), float(expected[index]), float(error[index])


def step_findings(cases, read_values):
    """One step on copies of one row, against -lr times the gradient of that row's loss."""
    start, step = cases[STEP_START], cases[STEP]
    (initial, _), (stepped, history) = read_values[STEP_START], read_values[STEP]
    x, label = start.args["x"][0], int(np.argmax(start.args["t"][0]))
    lr, n = keyword(step, "lr"), keyword(step, "batch_size")
    name = f"one step moves each parameter by -lr · its gradient ({STEP_ROWS} copies of one row, lr={lr:g})"
    moved = {k: stepped[k] - initial[k] for k in NAMES}

    def steps(derivative="sigmoid"):
        return {k: -lr * g for k, g in row_gradients(initial, x, label, derivative).items()}

    expected = steps()
    floor = STEP_FLOOR * max(float(np.max(np.abs(e))) for e in expected.values())

    def close(got, want):
        return bool(np.all(np.abs(got - want) <= STEP_RTOL * np.abs(want) + floor))

    wrong = [k for k in NAMES if not close(moved[k], expected[k])]
    if wrong:
        return [update_finding(name, moved, expected, wrong, steps, close, lr, n)]
    findings = [Finding(name, True, f"max rel. error below {STEP_RTOL:g}")]

    name = "loss_history[0] is the loss of the step, before its update"
    if len(history) != 1 or not np.isfinite(history[0]):
        findings.append(Finding(name, False, f"{len(history)} entries", "wrong_shape",
                                f"called with {kwargs_text(step)}, loss_history is {history.tolist()!r}; "
                                "expected one finite loss."))
        return findings
    recorded = float(history[0])
    before = float(row_losses(initial, x[None], np.array([label]))[0])
    after = float(row_losses(stepped, x[None], np.array([label]))[0])
    detail = f"recorded {recorded:.6g}, loss before the update {before:.6g}"

    def same(value, want):
        return abs(value - want) <= STEP_LOSS_RTOL * abs(want)

    if same(recorded, before):
        findings.append(Finding(name, True, detail))
    elif same(recorded, after) and not same(after, before):
        findings.append(Finding(name, False, detail, "wrong_value",
                                f"one step of lr={lr:g} on copies of one row recorded the loss {recorded:.6g}, the "
                                f"loss at the updated weights; the loss of that step, computed in its forward "
                                f"pass before the update, is {before:.6g}. Append the loss of the forward pass "
                                "that gave the gradients."))
    elif same(recorded, n * before) or same(recorded, before / n):
        words = "the sum over the batch" if same(recorded, n * before) else "divided by the batch size twice"
        findings.append(Finding(name, False, detail, "batch_scale",
                                f"the recorded loss {recorded:.6g} is {recorded / before:.4g}× the mean loss "
                                f"{before:.6g} of a batch of batch_size={n} copies of one row: {words}, not the "
                                "mean over the batch."))
    else:
        findings.append(Finding(name, False, detail, "wrong_value",
                                f"on a batch of copies of one row, the mean cross-entropy at the initial weights "
                                f"is {before:.6g}, but loss_history[0] is {recorded:.6g}."))
    return findings


def second_step_finding(cases, read_values):
    """Two steps on copies of one row, against the math applied twice."""
    initial, (stepped, _) = read_values[STEP_START][0], read_values[TWO_STEPS]
    x, label = cases[STEP_START].args["x"][0], int(np.argmax(cases[STEP_START].args["t"][0]))
    lr = keyword(cases[TWO_STEPS], "lr")
    expected = dict(initial)
    for _ in range(2):
        expected = {k: v - lr * g for (k, v), g in zip(expected.items(),
                                                       row_gradients(expected, x, label).values())}
    errors = {k: compare(stepped[k], expected[k], STEP_RTOL).max_error for k in NAMES}
    wrong = [k for k in NAMES if errors[k] > STEP_RTOL]
    name = f"a second step starts from the first one's weights ({STEP_ROWS} copies of one row)"
    if not wrong:
        return Finding(name, True, f"max rel. error {max(errors.values()):.1g}")
    return Finding(name, False, f"{listing(wrong)} off", "wrong_value",
                   f"the first step is right, but after the second one {listing(wrong)} differ from the math "
                   f"(max relative error {max(errors[k] for k in wrong):.2g}). The biases are 0 only before the "
                   "first step: does every forward pass add b1 and b2, and does each step start from the "
                   "weights the last one left?")


def listing(names):
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def update_finding(name, moved, expected, wrong, steps, close, lr, n):
    """Names how one step differs from -lr · gradient on the parameters in ``wrong``."""
    index, got, want, error = worst_entry(moved[wrong[0]], expected[wrong[0]])
    detail = f"{', '.join(wrong)} off (max rel. error {error:.2g})"
    evidence = f"{wrong[0]}{index} moved by {got:.6g}, expected {want:.6g}"
    if set(wrong) <= {"W1", "b1"}:
        for derivative, formula, code, cause in (
                ("none", "dz1 = dh", "wrong_gradient",
                 "the backward through the hidden layer must multiply by the sigmoid's derivative, "
                 "dz1 = dh * h * (1 - h)"),
                ("pre-activation", "dz1 = dh * z1 * (1 - z1)", "output_for_input",
                 "s(1 - s) is the sigmoid's derivative written with its output, so apply it to "
                 "h = sigmoid(z1), not to the pre-activation z1: dz1 = dh * h * (1 - h)")):
            variant = steps(derivative)
            if all(close(moved[k], variant[k]) for k in wrong):
                return Finding(name, False, detail, code,
                               f"one step of lr={lr:g} moved W2 and b2 as expected, but {listing(wrong)} exactly as "
                               f"{formula} would ({evidence}): {cause}.")
    # A factor shared by every entry: the usual slips in the batch size, the sign or lr.
    scales = []
    for k in wrong:
        e, u = expected[k], moved[k]
        ratio = float(np.sum(u * e) / np.sum(e * e)) if np.any(e) else np.nan
        scales.append(ratio if np.isfinite(ratio) and close(u, ratio * e) else None)
    first = scales[0]
    if first is not None:
        keys = listing([k for k, r in zip(wrong, scales) if r is not None and abs(r - first) <= 1e-6 * abs(first)
                        + 1e-12])
        every = f"on every entry ({evidence})"
        for factor, code, words in (
                (n, "batch_scale",
                 f"by {n}× -lr · gradient {every}, with batch_size={n}: the gradient of the summed loss, not of "
                 "the mean; the 1/N belongs once, at dz2 = (y - t) / N"),
                (1.0 / n, "batch_scale",
                 f"by 1/{n} of -lr · gradient {every}, with batch_size={n}: divided by the batch size twice; "
                 "dz2 = (y - t) / N already carries the 1/N, and every gradient below it inherits it"),
                (-1.0, "sign_flip", f"by +lr · gradient {every}: the step climbs the loss instead of descending it"),
                (0.0, "zero_gradient", f"not at all, though its gradient is not zero ({evidence}): it is never "
                                       "updated"),
                (DEFAULTS["lr"] / lr, "ignores_keyword",
                 f"as lr={DEFAULTS['lr']:g}, the default, would {every}: the update does not use lr")):
            if abs(first - factor) <= 1e-6 * abs(factor) + 1e-12:
                if code == "ignores_keyword" and len(wrong) < len(NAMES):
                    continue
                return Finding(name, False, detail, code, f"one step of lr={lr:g} moved {keys} {words}.")
        return Finding(name, False, detail, "constant_scale",
                       f"one step of lr={lr:g} moved {keys} by {first:.4g}× -lr · gradient {every}: a constant "
                       "factor in the gradient or in the update.")
    if set(wrong) <= {"W1", "b1"}:
        where = ("W2 and b2 move as expected, so look at the backward through the hidden layer: "
                 "dh = dz2 @ W2.T, dz1 = dh * h * (1 - h), dW1 = x.T @ dz1, db1 = dz1 summed over the rows")
    else:
        where = ("the output layer is off already, so start at the top: dz2 = (y - t) / N, dW2 = h.T @ dz2, "
                 "db2 = dz2 summed over the rows")
    return Finding(name, False, detail, "wrong_gradient",
                   f"one step of lr={lr:g} on copies of one row must move each parameter by -lr times the "
                   f"gradient of the mean loss; {listing(wrong)} moved otherwise ({evidence}, max rel. error "
                   f"{error:.2g}). {where[0].upper()}{where[1:]}.")


def same_run_finding(cases, read_values):
    """Two identical calls that train: the minibatches must come from the seeded generator too."""
    (first, history), (again, history_again) = read_values[SMALL], read_values[SMALL_AGAIN]
    name = "the same seed gives the same training run"
    differ = [k for k in NAMES if not np.allclose(first[k], again[k], rtol=SAME_RUN_RTOL, atol=0.0)]
    if not differ and history.shape == history_again.shape and np.allclose(
            history, history_again, rtol=SAME_RUN_RTOL, atol=0.0, equal_nan=True):
        return Finding(name, True, kwargs_text(cases[SMALL]))
    what = f"{', '.join(differ)} differ" if differ else "the loss histories differ"
    return Finding(name, False, what, "ignores_keyword",
                   f"two identical calls ({kwargs_text(cases[SMALL])}) trained to different results ({what}), "
                   "though the same seed gives the same initial weights: the minibatches are not drawn from "
                   "the seeded generator. Draw them with rng.choice from rng = np.random.default_rng(seed), "
                   "not with np.random.choice.")


def fresh_batches_finding(case, params, history):
    """With lr=0 the weights stay put, so only a new minibatch can change the recorded loss."""
    name = f"each step draws a new minibatch (lr=0.0, {len(history)} steps)"
    if len(history) < 2 or np.ptp(history) > 1e-12 * abs(float(history[0])):
        return Finding(name, True)
    labels = np.argmax(case.args["t"], axis=1)
    whole = float(np.mean(row_losses(params, case.args["x"], labels)))
    n = len(labels)
    if abs(float(history[0]) - whole) <= 1e-6 * abs(whole):
        return Finding(name, False, f"every step {float(history[0]):.6g}", "ignores_keyword",
                       f"with lr=0.0, all {len(history)} recorded losses are {float(history[0]):.6g}, the mean loss "
                       f"of all {n} training rows: every step uses the whole training set instead of a minibatch "
                       f"of batch_size={keyword(case, 'batch_size')} rows.")
    return Finding(name, False, f"every step {float(history[0]):.6g}", "wrong_value",
                   f"with lr=0.0, all {len(history)} recorded losses are {float(history[0]):.6g}: every step uses "
                   "the same rows. Draw a new minibatch at each step.")


def assess(cases, values):
    read_values, findings, deferred = [], [], []
    for index, (case, value) in enumerate(zip(cases, values)):
        params, history, problem = read(value, case)
        if problem and problem[0] == "non_finite":
            deferred.append((index, problem))
        elif problem:
            code, message = problem
            where = "" if case is cases[TRAINED] else f" ({kwargs_text(case)})"
            findings.append(Finding(f"returns (params, loss_history) with the right keys and shapes{where}",
                                    False, "", code, message))
            return findings
        read_values.append((params, history))
    findings.append(Finding("returns (params, loss_history) with the right keys and shapes", True,
                            f"{len(cases)} calls"))

    def training():
        if deferred:
            index, (code, message) = deferred[0]
            where = "" if index == TRAINED else f" ({kwargs_text(cases[index])})"
            return [Finding(f"the weights stay finite{where}", False, "", code, message)]
        trained_case, (trained, history) = cases[TRAINED], read_values[TRAINED]
        found = []
        for finding in (length_finding(trained_case, history, f"loss_history has one loss per step "
                                                              f"(iters={DEFAULTS['iters']})"),
                        falling_finding(history),
                        accuracy_finding(trained_case, trained),
                        moved_finding(trained, read_values[INITIAL][0])):
            found.append(finding)
            if not finding.passed:
                break
        return found

    def small():
        return [length_finding(cases[SMALL], read_values[SMALL][1], f"other keywords give other shapes and "
                                                                    f"lengths ({kwargs_text(cases[SMALL])})")]

    def reproducible():
        return reproducible_findings(cases, [params for params, _ in read_values])

    def one_step():
        return step_findings(cases, read_values)

    # The exact checks come first (shapes, keywords, one step compared with the math): they name a
    # cause; the outcome of a long run only shows that something is off somewhere.
    stages = [small, reproducible, lambda: [initial_scale_finding(read_values[INITIAL][0])], one_step,
              lambda: [second_step_finding(cases, read_values)],
              lambda: [same_run_finding(cases, read_values)],
              lambda: [full_batch_finding(cases[FULL_BATCH], *read_values[FULL_BATCH])],
              lambda: [fresh_batches_finding(cases[LONGER], *read_values[LONGER])],
              training]
    for stage in stages:
        found = stage()
        findings += found
        if not all(f.passed for f in found):
            break
    return findings


KATA = Kata(
    name="train_two_layer_net",
    title="Train a two-layer net on handwritten digits",
    topic="training",
    difficulty="medium",
    source="Deep Learning from Scratch (Saito), ch. 4 (train_neuralnet.py)",
    functions=("train_two_layer_net",),
    checks=(Outcome("train_two_layer_net", cases=draws, assess=assess,
                    title="trains on the digits and honours every keyword"),),
    hints=(
        "Write one function first that returns the minibatch loss and the four gradients (the "
        "two_layer_net kata); the training loop around it is five lines.",
        "Softmax with cross-entropy backpropagates as dz2 = (y − t) / N; through the sigmoid, "
        "dz1 = (dz2 @ W2.T) * h * (1 − h). Each weight gets input.T @ dz, each bias the column sums of dz.",
        "Start exactly as stated: rng = np.random.default_rng(seed), weights 0.5 · rng.standard_normal, zero "
        "biases. A scale of 0.01 leaves the sigmoid net too close to its starting plateau to reach 0.90 "
        "reliably in 2000 steps.",
        "for _ in range(iters): rows = rng.choice(N, batch_size, replace=False); loss, grads = "
        "loss_and_grads(params, x[rows], t[rows]); for k in params: params[k] -= lr * grads[k]; "
        "loss_history.append(loss)",
    ),
    explanations={
        "sign_flip": "An SGD step goes against the gradient: p -= lr * dp. If the update already subtracts, "
                     "check the sign of the output gradient: dz2 = y − t, not t − y.",
        "zero_gradient": "The update loop must cover every parameter, biases included: db2 is the column sum "
                         "of dz2 and db1 the column sum of dz1.",
        "ignores_keyword": "Use the keyword arguments you are given (hidden_size, lr, iters, batch_size, seed) "
                           "instead of constants in the body, draw the initial weights from "
                           "rng = np.random.default_rng(seed) before anything else, and every minibatch of "
                           "batch_size rows from the same rng.",
        "wrong_value": "Check your gradients on a small batch against finite differences of your own loss "
                       "(the two_layer_net kata), the initial scale stated in the task, and that every step "
                       "uses lr and a fresh minibatch, and records the loss of its own forward pass.",
        "wrong_gradient": "Derive the backward one layer at a time: dz2 = (y − t) / N; dW2 = hᵀ dz2, db2 = Σ_rows "
                          "dz2; dh = dz2 W2ᵀ; dz1 = dh * h * (1 − h); dW1 = xᵀ dz1, db1 = Σ_rows dz1. The "
                          "two_layer_net kata checks each gradient on its own.",
        "output_for_input": "σ'(z) = σ(z)(1 − σ(z)): with h = σ(z1) already computed in the forward pass, the "
                            "backward through the sigmoid is dh * h * (1 − h).",
        "batch_scale": "The loss of a step is the mean over its batch, and so is its gradient: the 1/N enters "
                       "once, at dz2 = (y − t) / N, and every gradient below inherits it.",
        "constant_scale": "Each step is p -= lr * dp with dp the gradient of the mean cross-entropy: look for a "
                          "stray constant in the loss, the output gradient or the update.",
        "wrong_shape": "Append the minibatch loss once per step, so loss_history ends with exactly iters "
                       "entries; keep W1 (D, H), b1 (H,), W2 (H, C), b2 (C,).",
        "non_finite": "Keep the softmax stable (subtract each row's maximum before exp) and take the log of "
                      "the probabilities, not of a number that can round to 0.",
    },
    timeout=60.0,
)
