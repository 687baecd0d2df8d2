import numpy as np

from checker.draws import LOGIT_LIMIT, logits_far_apart
from checker.spec import Case, Grad, Kata, Loss, LossAndGrads, Mistake


def softmax_cross_entropy_loss(logits, labels):
    # Shift first: for logits near ±1e3, logits - max is exact, so the loss is exact to rounding
    # and its finite differences stay clean even where a probability is small.
    shifted = logits - np.max(logits, axis=1, keepdims=True)
    per_sample = np.logaddexp.reduce(shifted, axis=1) - shifted[np.arange(len(labels)), labels]
    return float(np.mean(per_sample))


def draws(rng):
    for n, c in [(3, 5), (1, 4), (6, 3), (4, 7)]:
        yield Case(f"logits ({n}, {c})", {"logits": 2.0 * rng.standard_normal((n, c)),
                                           "labels": rng.integers(0, c, size=n)}, batch=n)
    # Extreme inputs: in each batch one row's maximum is near +1000 and another's near -1000, about
    # 2000 apart, so a naive exp overflows, and a shift by the largest logit of the whole batch
    # (instead of each row's) leaves a row whose every exp underflows to 0: log 0.
    n, c = 4, 4
    logits = logits_far_apart(rng, rng.uniform(0.0, 6.0, (n, c)))
    yield Case(f"logits ({n}, {c}), rows within 6 of maxima from -1000 to 1000",
               {"logits": logits, "labels": rng.integers(0, c, size=n)}, batch=n, stability=True)
    # The same, with gaps of hundreds inside the rows (clipped at -1000). Every row reaches down
    # to -1000, and the row whose maximum is near +1000 takes that lowest logit as its label: its
    # probability underflows to 0 in any answer, so -log(softmax) is inf while the log-sum-exp
    # form gives the exact loss of about 2000. The loss is in the hundreds and nearly linear
    # here, so a larger difference step keeps rounding out of the expected gradient.
    n, c = 3, 5
    below = rng.choice([0.0, 340.0, 680.0], size=(n, c)) + rng.uniform(0.0, 1.0, size=(n, c))
    below[:, 1] = 2 * LOGIT_LIMIT
    logits = logits_far_apart(rng, below)
    labels = rng.integers(0, c, size=n)
    top = int(np.argmax(logits.max(axis=1)))
    labels[top] = int(np.argmin(logits[top]))
    yield Case(f"logits ({n}, {c}) in [-1000, 1000], gaps of hundreds", {"logits": logits, "labels": labels},
               batch=n, stability=True, step=1e-3)


def softmax(logits):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def log_softmax_over_the_batch(logits):
    shifted = logits - np.max(logits, axis=0, keepdims=True)
    return shifted - np.logaddexp.reduce(shifted, axis=0, keepdims=True)


def loss_over_the_batch_axis(logits, labels):
    return float(-np.mean(log_softmax_over_the_batch(logits)[np.arange(len(labels)), labels]))


def gradient_over_the_batch_axis(logits, labels):
    dlogits = np.exp(log_softmax_over_the_batch(logits))
    dlogits[np.arange(len(labels)), labels] -= 1
    return dlogits / len(labels)


def one_subtracted_in_label_columns(logits, labels):
    d = softmax(logits)
    d[:, labels] -= 1
    return d / len(labels)


def one_subtracted_after_the_mean(logits, labels):
    d = softmax(logits) / len(labels)
    d[np.arange(len(labels)), labels] -= 1
    return d


def log_of_guarded_probability(logits, labels):
    picked = softmax(logits)[np.arange(len(labels)), labels]
    return -np.mean(np.log(picked + 1e-7))


KATA = Kata(
    name="softmax_cross_entropy",
    title="Softmax cross-entropy loss and its gradient, numerically stable",
    topic="losses",
    difficulty="medium",
    source="CS231n assignment 2 (layers.py: softmax_loss)",
    functions=("softmax_cross_entropy",),
    checks=(
        LossAndGrads("softmax_cross_entropy", loss=softmax_cross_entropy_loss, cases=draws,
                     returns=(Loss(), Grad("dlogits", "logits")),
                     mistakes=(
                         Mistake("wrong_axis", "loss", loss_over_the_batch_axis,
                                 "{var} normalizes the softmax over axis 0 (down each column, across the "
                                 "batch); each sample's softmax runs over its own row, axis=1."),
                         Mistake("wrong_axis", "dlogits", gradient_over_the_batch_axis,
                                 "{var} comes from a softmax over axis 0 (across the batch); each row is "
                                 "normalized on its own: max, sum and keepdims over axis=1."),
                         Mistake("wrong_gradient", "dlogits", one_subtracted_in_label_columns,
                                 "{var}[:, labels] -= 1 subtracts 1 in every row at every label's "
                                 "column; each row takes the 1 at its own label only: "
                                 "{var}[np.arange(N), labels] -= 1."),
                         Mistake("wrong_gradient", "dlogits", one_subtracted_after_the_mean,
                                 "{var} subtracts 1 at the labels after dividing by N: the label "
                                 "entries come out as p/N - 1 instead of (p - 1)/N. Subtract first, "
                                 "then divide the whole array by N."),
                         Mistake("wrong_value", "loss", log_of_guarded_probability,
                                 "{var} is -log(p + 1e-7): the guard shifts every loss by about "
                                 "1e-7/p and caps it near 16.1. Take log p straight from the logits: "
                                 "log p = z - max - log(sum(exp(z - max)))."),
                     )),
    ),
    hints=(
        "For one sample with label k, d(-log p_k)/dz_c = p_c - [c == k]; the mean over the batch "
        "adds a 1/N to every row.",
        "Subtracting the row's maximum from every logit leaves the softmax unchanged and keeps exp "
        "from overflowing; for the loss, use log p = shifted - log(sum(exp(shifted))) rather than "
        "the log of p, which underflows to 0.",
        "shifted = z - z.max(axis=1, keepdims=True); log_p = shifted - np.log(np.exp(shifted)"
        ".sum(axis=1, keepdims=True)); loss = -log_p[np.arange(N), labels].mean(); "
        "dlogits = np.exp(log_p); dlogits[np.arange(N), labels] -= 1; dlogits /= N.",
    ),
    explanations={
        "batch_scale:loss": "The loss is a mean over the batch: divide the sum of the per-sample "
                            "losses by N.",
        "batch_scale:dlogits": "The loss is a mean over the batch, so each row of dlogits is "
                               "(p - one_hot) / N.",
        "wrong_gradient:dlogits": "For one sample with label k, d(-log p_k)/dz = p - one_hot(k): "
                                  "subtract 1 at that sample's own label, then divide every row by N.",
        "non_finite": "A probability far below the largest one underflows to 0 and its log is -inf. "
                      "Compute log p directly: log p = z - max - log(sum(exp(z - max))), with each row's "
                      "own max (axis=1, keepdims=True): a row whose logits all lie far below the largest "
                      "logit of the whole batch underflows to 0 everywhere when the batch's max is used.",
    },
)
