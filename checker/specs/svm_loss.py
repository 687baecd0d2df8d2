import numpy as np

from checker.draws import BESIDE_KINK, log_uniform, off_kinks
from checker.spec import Case, Grad, Kata, Loss, LossAndGrads, Mistake


def margins_of(scores, y, delta=1.0):
    rows = np.arange(len(y))
    margins = scores - scores[rows, y][:, None] + delta
    margins[rows, y] = 0.0
    return margins


def hinge(scores, y):
    return float(np.maximum(0.0, margins_of(scores, y)).sum() / len(y))


def hinge_grad(scores, y, delta=1.0, true_count=0.0, true_one=False):
    rows = np.arange(len(y))
    positive = (margins_of(scores, y, delta) > 0).astype(np.float64)
    positive[rows, y] = -1.0 if true_one else -(positive.sum(axis=1) + true_count)
    return positive / len(y)


def scores_off_the_kink(rng, n, c):
    """Scores (N, C) and labels whose margins s_j − s_y + 1 (j ≠ y) lie ≥ 1e-3 from 0; in every row two
    of them (one when C = 2) sit just beside 0, one on each side, 1e-3..1e-2 away."""
    scores = 1.5 * rng.standard_normal((n, c))
    y = rng.integers(0, c, size=n)
    rows = np.arange(n)
    margins = scores - scores[rows, y][:, None] + 1.0
    for i in range(n):
        others = rng.permutation([j for j in range(c) if j != y[i]])
        for j, side in zip(others[:2], rng.permutation([1.0, -1.0])):
            margins[i, j] = side * log_uniform(rng, *BESIDE_KINK)
    margins = off_kinks(margins)
    scores = margins + scores[rows, y][:, None] - 1.0
    return scores, y


def draws(rng):
    # A batch of one and C = 2 included; N != C everywhere.
    for n, c in [(1, 4), (3, 5), (6, 3), (4, 7), (5, 2)]:
        scores, y = scores_off_the_kink(rng, n, c)
        yield Case(f"scores ({n}, {c})", {"scores": scores, "y": y}, batch=n)


def with_true_class(scores, y):
    return hinge(scores, y) + 1.0


def without_margin(scores, y):
    return float(np.maximum(0.0, margins_of(scores, y, delta=0.0)).sum() / len(y))


def label_columns(scores, y):
    positive = (margins_of(scores, y) > 0).astype(np.float64)
    positive[:, y] -= positive.sum(axis=1)[:, None]
    return positive / len(y)


KATA = Kata(
    name="svm_loss",
    title="Multiclass SVM (hinge) loss and its gradient",
    topic="losses",
    difficulty="medium",
    source="CS231n assignment 1 (svm_loss_naive, svm_loss_vectorized)",
    functions=("svm_loss",),
    checks=(
        LossAndGrads("svm_loss", loss=hinge, cases=draws, returns=(Loss(), Grad("dscores", "scores")),
                     mistakes=(
                         Mistake("wrong_value", "loss", with_true_class,
                                 "{var} is 1 too large: the true class is counted in the sum, and its own term "
                                 "is always max(0, s_y − s_y + 1) = 1 per row. Leave j = y_i out (zero that entry "
                                 "of the margins)."),
                         Mistake("wrong_value", "loss", without_margin,
                                 "{var} leaves the margin out: each term is max(0, s_j − s_y + 1), with + 1."),
                         Mistake("wrong_gradient", "dscores", lambda s, y: hinge_grad(s, y, delta=0.0),
                                 "{var} comes from margins without the + 1: an entry is active where "
                                 "s_j − s_y + 1 > 0."),
                         Mistake("wrong_gradient", "dscores", lambda s, y: hinge_grad(s, y, true_count=1.0),
                                 "{var} counts the true class among the active margins: its entry is minus the "
                                 "number of j ≠ y_i with a positive margin, over N."),
                         Mistake("wrong_gradient", "dscores", lambda s, y: hinge_grad(s, y, true_one=True),
                                 "{var} puts −1/N at the true class; each active margin subtracts one, so it is "
                                 "minus the number of j ≠ y_i with a positive margin, over N."),
                         Mistake("wrong_gradient", "dscores", label_columns,
                                 "{var}[:, y] subtracts in every row at every label's column; each row takes "
                                 "the count at its own label only: {var}[np.arange(N), y]."),
                     )),
    ),
    hints=(
        "Write one term, max(0, s_j − s_y + 1) for j ≠ y: where it is positive its derivative is +1 w.r.t. "
        "s_j and −1 w.r.t. s_y, and 0 where it is negative.",
        "So in row i, dscores[i, j] = 1 for every j ≠ y_i with a positive margin, and dscores[i, y_i] = minus "
        "how many there are; then divide everything by N.",
        "margins = np.maximum(0, scores − scores[np.arange(N), y][:, None] + 1); margins[np.arange(N), y] = 0; "
        "loss = margins.sum() / N.",
        "binary = (margins > 0).astype(float); binary[np.arange(N), y] = −binary.sum(axis=1); "
        "dscores = binary / N.",
    ),
    explanations={
        "batch_scale": "The loss is the mean over the N samples: divide both the summed loss and every "
                       "entry of dscores by N, once.",
        "wrong_value": "loss = (1/N) Σ_i Σ_{j ≠ y_i} max(0, s_ij − s_iy_i + 1): the margin is + 1, and j = y_i "
                       "is left out.",
        "mutated_input": "Never write into scores or y: build new arrays for the margins.",
    },
)
