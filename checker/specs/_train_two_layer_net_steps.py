"""train_two_layer_net's exact checks: one and two steps on copies of one row, against the math.

Part of the kata's spec entry (checker/specs/train_two_layer_net.py), in a module of its own for
its size; the catalog skips modules whose name starts with an underscore.
"""
import numpy as np

from checker.numeric import compare
from checker.spec import Finding
from checker.specs.train_two_layer_net import (DEFAULTS, NAMES, STEP, STEP_FLOOR, STEP_LOSS_RTOL, STEP_ROWS, STEP_RTOL,
                                               STEP_START, TWO_STEPS, keyword, kwargs_text, row_losses, sigmoid)


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
