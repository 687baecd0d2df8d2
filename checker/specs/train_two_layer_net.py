import numpy as np

from checker import datasets
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
# The calls, in the order draws() makes them.
TRAINED, SMALL, INITIAL, LONGER, AGAIN, RESEEDED, FULL_BATCH = range(7)


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
    yield Case("a small net, a short run", data,
                     {"hidden_size": 7, "lr": 0.05, "iters": 30, "batch_size": 32, "seed": 5})
    yield Case("the initial weights", data, {"lr": 0.0, "iters": 1})
    yield Case("the initial weights after 5 steps of lr=0", data, {"lr": 0.0, "iters": 5})
    yield Case("the initial weights, again", data, {"lr": 0.0, "iters": 1})
    yield Case("the initial weights of another seed", data, {"lr": 0.0, "iters": 1, "seed": other_seed})
    yield Case("every training row in the batch", data, {"lr": 0.0, "iters": 40, "batch_size": n})


def keyword(case, name):
    return case.kwargs.get(name, DEFAULTS[name])


def shapes(hidden):
    return {"W1": (PIXELS, hidden), "b1": (hidden,), "W2": (hidden, CLASSES), "b2": (CLASSES,)}


def kwargs_text(case):
    return ", ".join(f"{k}={v!r}" for k, v in case.kwargs.items()) or "the default keywords"


def type_name(value):
    return getattr(value, "type_name", type(value).__name__)  # the child's objects arrive described


def read(value, case):
    """(params, loss_history as a float array, None) or (None, None, (code, message))."""
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
        return None, None, ("non_finite", f"{', '.join(bad)} hold nan or inf after training "
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


def assess(cases, values):
    read_values, findings = [], []
    for case, value in zip(cases, values):
        params, history, problem = read(value, case)
        if problem:
            code, message = problem
            where = "" if case is cases[TRAINED] else f" ({kwargs_text(case)})"
            findings.append(Finding(f"returns (params, loss_history) with the right keys and shapes{where}",
                                    False, "", code, message))
            return findings
        read_values.append((params, history))
    findings.append(Finding("returns (params, loss_history) with the right keys and shapes", True,
                            f"{len(cases)} calls"))

    trained_case, (trained, history) = cases[TRAINED], read_values[TRAINED]
    for finding in (length_finding(trained_case, history, f"loss_history has one loss per step "
                                                          f"(iters={DEFAULTS['iters']})"),
                    falling_finding(history),
                    accuracy_finding(trained_case, trained)):
        findings.append(finding)
        if not finding.passed:
            return findings
    findings.append(moved_finding(trained, read_values[INITIAL][0]))
    small_case, small_history = cases[SMALL], read_values[SMALL][1]
    findings.append(length_finding(small_case, small_history, f"other keywords give other shapes and lengths "
                                                              f"({kwargs_text(small_case)})"))
    if not findings[-1].passed:
        return findings  # the calls below rely on iters too
    findings += reproducible_findings(cases, [params for params, _ in read_values])
    if not findings[-1].passed:
        return findings  # the full-batch call relies on lr=0.0 keeping the weights still
    findings.append(full_batch_finding(cases[FULL_BATCH], *read_values[FULL_BATCH]))
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
                           "instead of constants in the body, and draw the initial weights from "
                           "np.random.default_rng(seed) before anything else.",
        "wrong_value": "Check your gradients on a small batch against finite differences of your own loss "
                       "(the two_layer_net kata), the initial scale stated in the task, and that every step "
                       "uses lr and a fresh minibatch.",
        "batch_scale": "The loss of a step is the mean over its batch: divide the summed cross-entropy by the "
                       "number of rows in the batch.",
        "wrong_shape": "Append the minibatch loss once per step, so loss_history ends with exactly iters "
                       "entries; keep W1 (D, H), b1 (H,), W2 (H, C), b2 (C,).",
        "non_finite": "Keep the softmax stable (subtract each row's maximum before exp) and take the log of "
                      "the probabilities, not of a number that can round to 0.",
    },
    timeout=60.0,
)
