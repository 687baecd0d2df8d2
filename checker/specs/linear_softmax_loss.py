import numpy as np

from checker.draws import logits_far_apart, weights_for
from checker.spec import Case, Grad, Kata, Loss, LossAndGrads, Mistake


def cross_entropy_terms(W, X, y):
    scores = X @ W
    return np.logaddexp.reduce(scores, axis=1) - scores[np.arange(len(y)), y]


def loss(W, X, y, reg):
    return float(np.mean(cross_entropy_terms(W, X, y)) + reg * np.sum(W * W))


def data_gradient(W, X, y):
    scores = X @ W
    p = np.exp(scores - np.logaddexp.reduce(scores, axis=1, keepdims=True))
    p[np.arange(len(y)), y] -= 1.0
    return X.T @ p / len(y)


def draws(rng):
    # (N, D, C, reg): reg varied and 0 once; D != C so a transposed dW has the wrong shape; N = 1 once.
    for n, d, c, reg in [(5, 4, 3, 0.1), (1, 3, 4, 0.0), (7, 6, 5, 2.5), (4, 5, 2, 1e-3)]:
        args = {"W": rng.standard_normal((d, c)), "X": rng.standard_normal((n, d)),
                "y": rng.integers(0, c, size=n), "reg": reg}
        yield Case(f"N={n}, D={d}, C={c}, reg={reg:g}", args, batch=n)
    # Scores of ±1000, rows about 2000 apart: W solves X @ W = those scores (N ≤ D). Scores of 1000 are
    # rounded to 1e-13, so X is large enough (entries of about 5) that dW's largest entry keeps that
    # rounding, divided by the step, far below the tolerance.
    for n, d, c, reg in [(4, 6, 3, 1e-4), (3, 5, 4, 0.0)]:
        X = 5.0 * rng.standard_normal((n, d))
        scores = logits_far_apart(rng, rng.uniform(0.5, 20.0, (n, c)))
        args = {"W": weights_for(X, scores), "X": X, "y": rng.integers(0, c, size=n), "reg": reg}
        yield Case(f"scores up to ±1000, N={n}, reg={reg:g}", args, batch=n, stability=True)


SUMMED = ("{var} sums the cross-entropy over the batch: the data term is a mean, divided by N (the "
          "regularization is not).")

KATA = Kata(
    name="linear_softmax_loss",
    title="Loss and gradient of a softmax classifier with L2 regularization",
    topic="losses",
    difficulty="easy",
    prerequisites=("softmax_cross_entropy",),
    source="CS231n assignment 1 (softmax_loss_vectorized)",
    functions=("linear_softmax_loss",),
    checks=(
        LossAndGrads("linear_softmax_loss", loss=loss, cases=draws, returns=(Loss(), Grad("dW", "W")),
                     mistakes=(
                         Mistake("wrong_gradient", "dW",
                                 lambda W, X, y, reg: data_gradient(W, X, y) + reg * W,
                                 "{var} adds reg·W for the regularization: the loss has reg·ΣW² with no ½, so "
                                 "its gradient is 2·reg·W."),
                         Mistake("wrong_value", "loss",
                                 lambda W, X, y, reg: float(np.mean(cross_entropy_terms(W, X, y))
                                                            + 0.5 * reg * np.sum(W * W)),
                                 "{var} adds ½·reg·ΣW²: this task's regularization is reg·ΣW², no ½."),
                         Mistake("wrong_value", "loss",
                                 lambda W, X, y, reg: float(np.mean(cross_entropy_terms(W, X, y))),
                                 "{var} leaves the regularization out: add reg·ΣW² to the mean "
                                 "cross-entropy."),
                         Mistake("batch_scale", "loss",
                                 lambda W, X, y, reg: float(np.sum(cross_entropy_terms(W, X, y))
                                                            + reg * np.sum(W * W)), SUMMED),
                         Mistake("batch_scale", "dW",
                                 lambda W, X, y, reg: data_gradient(W, X, y) * len(y) + 2 * reg * W, SUMMED),
                         Mistake("wrong_gradient", "dW", lambda W, X, y, reg: data_gradient(W, X, y),
                                 "{var} leaves the regularization's gradient out: add 2·reg·W."))),
    ),
    hints=(
        "Shift each row of scores by its own maximum (axis=1, keepdims=True) before exp: the softmax does "
        "not change, and exp never overflows.",
        "The gradient of −log softmax(s)[y] w.r.t. s is p − onehot(y); average it over the batch, as the loss is.",
        "dW = X.T @ (p − onehot(y)) / N, plus the regularization's gradient: d(reg·ΣW²)/dW = 2·reg·W.",
    ),
    explanations={
        "batch_scale": "The data loss is a mean over the N examples: divide both the summed loss and "
                       "Xᵀ(p − onehot) by N (the regularization is not divided).",
        "non_finite": "A row of scores near −1000 underflows to all zeros if the whole batch is shifted by one "
                      "maximum: shift each row by its own (axis=1, keepdims=True), and take "
                      "log p = shifted − log Σ exp(shifted) instead of log(p).",
        "overflow": "exp of a score near 1000 overflows: subtract each row's maximum first.",
        "wrong_shape:dW": "dW has W's shape (D, C): X.T @ dscores.",
        "transposed:dW": "dW has W's shape (D, C): X.T @ dscores, not dscores.T @ X.",
    },
)
