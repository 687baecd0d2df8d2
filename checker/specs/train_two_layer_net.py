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

    from checker.specs._train_two_layer_net_runs import (fresh_batches_finding, full_batch_finding,
                                                         reproducible_findings, same_run_finding)
    from checker.specs._train_two_layer_net_steps import second_step_finding, step_findings

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
