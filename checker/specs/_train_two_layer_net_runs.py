"""train_two_layer_net's checks of whole runs: the same seed gives the same run, another seed
another start, and the loss recorded is the loss of each step's own batch.

Part of the kata's spec entry (checker/specs/train_two_layer_net.py), in a module of its own for
its size; the catalog skips modules whose name starts with an underscore.
"""
import numpy as np

from checker.spec import Finding
from checker.specs.train_two_layer_net import (AGAIN, FULL_BATCH_SPREAD, INITIAL, LONGER, NAMES, RESEEDED,
                                               SAME_RUN_RTOL, SMALL, SMALL_AGAIN, keyword, kwargs_text,
                                               row_losses)


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
