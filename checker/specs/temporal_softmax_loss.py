import numpy as np

from checker.draws import logits_far_apart
from checker.spec import Case, Grad, Kata, Loss, LossAndGrads, Mistake


def step_losses(x, y):
    """−log softmax(x[n, t])[y[n, t]] at every step, (N, T)."""
    return np.logaddexp.reduce(x, axis=2) - np.take_along_axis(x, y[..., None], axis=2)[..., 0]


def loss(x, y, mask, divisor="N"):
    total = np.sum(step_losses(x, y) * mask)
    return float(total / {"N": x.shape[0], "count": max(mask.sum(), 1)}[divisor])


def gradient(x, y, mask, divisor="N"):
    p = np.exp(x - np.logaddexp.reduce(x, axis=2, keepdims=True))
    p -= np.eye(x.shape[2])[y]
    return p * mask[..., None] / {"N": x.shape[0], "count": max(mask.sum(), 1)}[divisor]


def mixed_mask(rng, n, t):
    """Every row a different length-like pattern: mixed rows, one all-False row when N ≥ 2, one all-True
    row when N ≥ 3; some step always counts."""
    mask = np.zeros((n, t), dtype=bool)
    for row in range(n):
        if row == 1:
            continue  # the all-False row
        if row == 2:
            mask[row] = True
            continue
        while not (mask[row].any() and not mask[row].all()):
            mask[row] = rng.random(t) < 0.6
    return mask[rng.permutation(n)]


def draws(rng):
    # N differs from T and from V, and the unmasked count differs from N, so dividing by it, by N·T or
    # by T is told apart from dividing by N; N = 1 once.
    for n, t, v in [(3, 4, 5), (1, 5, 3), (4, 3, 6), (2, 6, 4)]:
        args = {"x": rng.standard_normal((n, t, v)), "y": rng.integers(0, v, size=(n, t)),
                "mask": mixed_mask(rng, n, t)}
        yield Case(f"N={n}, T={t}, V={v}, {int(args['mask'].sum())} steps counted", args, batch=n)
    for n, t, v in [(3, 4, 5)]:
        x = logits_far_apart(rng, rng.uniform(0.5, 20.0, (n, t, v)))
        args = {"x": x, "y": rng.integers(0, v, size=(n, t)), "mask": mixed_mask(rng, n, t)}
        yield Case(f"scores up to ±1000, N={n}, T={t}, V={v}", args, batch=n, stability=True,
                   step=1e-3)  # the loss is in the hundreds here: rounding, not curvature, limits a small step


COUNT = ("{var} is divided by the number of unmasked steps, mask.sum(): this loss is divided by N, the number "
         "of sequences, whatever their lengths.")
UNMASKED = ("{var} counts every step, the masked-out ones too: multiply each step's loss, and its gradient, by "
            "mask[n, t].")

KATA = Kata(
    name="temporal_softmax_loss",
    title="Masked softmax cross-entropy over the time steps of a batch of sequences",
    topic="losses",
    difficulty="medium",
    prerequisites=("softmax_cross_entropy",),
    source="CS231n assignment 3 (temporal_softmax_loss)",
    functions=("temporal_softmax_loss",),
    checks=(
        LossAndGrads("temporal_softmax_loss", loss=loss, cases=draws, returns=(Loss(), Grad("dx", "x")),
                     mistakes=(
                         Mistake("constant_scale", "loss", lambda x, y, mask: loss(x, y, mask, "count"), COUNT),
                         Mistake("constant_scale", "dx", lambda x, y, mask: gradient(x, y, mask, "count"), COUNT),
                         Mistake("mask_error", "loss", lambda x, y, mask: loss(x, y, np.ones_like(mask)),
                                 UNMASKED),
                         Mistake("mask_error", "dx", lambda x, y, mask: gradient(x, y, np.ones_like(mask)),
                                 UNMASKED))),
    ),
    hints=(
        "Flatten the steps: x.reshape(N·T, V), y and mask to (N·T,); then it is a softmax cross-entropy over "
        "N·T rows where each row's term is multiplied by its mask.",
        "Shift each row by its own maximum before exp; log p = shifted − log Σ exp(shifted) stays exact at ±1000.",
        "dx = (p − onehot(y)) · mask / N, reshaped back to (N, T, V): the divisor is N, the number of "
        "sequences, in the loss and in the gradient alike.",
    ),
    explanations={
        "batch_scale": "The loss is divided by N, the number of sequences: once in the loss and once in dx.",
        "constant_scale": "The divisor is N = x.shape[0], the number of sequences: not N·T, not T, not the "
                          "number of unmasked steps.",
        "mask_error": "Masked-out steps contribute nothing, to the loss or to dx: a padding step's gradient "
                      "is exactly 0.",
        "non_finite": "Shift each step's scores by their own maximum (axis=-1, keepdims=True), and take "
                      "log p = shifted − log Σ exp(shifted) instead of log(p), which is −inf where p underflows.",
        "overflow": "exp of a score near 1000 overflows: subtract each step's maximum first.",
        "wrong_shape:dx": "dx has x's shape (N, T, V): reshape the flattened gradient back.",
    },
)
