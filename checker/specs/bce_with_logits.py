import numpy as np

from checker.draws import mixed_values, shape_text, shapes_of_every_rank
from checker.spec import Case, Grad, Kata, Loss, LossAndGrads, Mistake


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def per_element(z, t):
    return np.maximum(z, 0.0) - t * z + np.log1p(np.exp(-np.abs(z)))


def bce(logits, targets):
    return float(np.mean(per_element(logits, targets)))


def soft_targets(rng, shape):
    """Uniform in [0, 1], with an exact 0 and an exact 1 where there is room."""
    t = rng.uniform(0.0, 1.0, shape)
    flat = t.reshape(-1)
    if flat.size >= 3:
        flat[rng.permutation(flat.size)[:2]] = (0.0, 1.0)
    return flat.reshape(shape)


def draws(rng):
    # Every rank from 0-d to 4-d, and a batch of one; logits standard normal mixed with large ones of
    # both signs (tens to hundreds), targets anywhere in [0, 1] (0 and 1 included). The large logits
    # make the loss large next to the gradient's small entries: a step of 1e-4 keeps the rounding of
    # the loss out of the differences (the loss is smooth, so the step's own error is ~1e-12).
    for shape in [(1, 5), *shapes_of_every_rank(rng)]:
        yield Case(f"logits {shape_text(shape)}", {"logits": mixed_values(rng, shape, kinks=()),
                                                   "targets": soft_targets(rng, shape)}, step=1e-4)
    # The promised range: ±1000 exactly, the edges of exp's range (±709, ±710) and hundreds, next to
    # ordinary entries, with soft and hard targets. σ(z) is exactly 0 or 1 on most of them, so a loss
    # taken as log σ(z) is log 0. The loss is nearly linear there: a larger step keeps rounding out.
    edges = np.array([-1000.0, 1000.0, -710.0, 710.0, -709.0, 709.0])
    z = np.concatenate([edges, rng.uniform(-1000.0, 1000.0, 4), rng.standard_normal(2)])
    rng.shuffle(z)
    yield Case("logits (3, 4) with |z| up to 1000", {"logits": z.reshape(3, 4), "targets": soft_targets(rng, (3, 4))},
               stability=True, step=1e-3)
    yield Case("logits (4,) = ±1000, targets 0 and 1",
               {"logits": np.array([-1000.0, 1000.0, -1000.0, 1000.0]), "targets": np.array([1.0, 0.0, 0.0, 1.0])},
               stability=True, step=1e-3)
    yield Case("logits () = -1000, target 0.25", {"logits": np.array(-1000.0), "targets": np.array(0.25)},
               stability=True, step=1e-3)


def mean_over_first_axis(z, t):
    return float(np.sum(per_element(z, t)) / (z.shape[0] if z.ndim else 1))


def mean_over_first_axis_grad(z, t):
    return (sigmoid(z) - t) / (z.shape[0] if z.ndim else 1)


def guarded(z, t, eps=1e-7):
    p = sigmoid(z)
    return float(np.mean(-t * np.log(p + eps) - (1 - t) * np.log(1 - p + eps)))


def clipped(z, t, eps=1e-7):
    p = np.clip(sigmoid(z), eps, 1 - eps)
    return float(np.mean(-t * np.log(p) - (1 - t) * np.log(1 - p)))


def rounded_targets(z, t):
    return bce(z, np.round(t))


def rounded_targets_grad(z, t):
    return (sigmoid(z) - np.round(t)) / z.size


MEAN_OVER_N = ("{var} divides by N = logits.shape[0] only; the loss is a mean over every element, "
               "logits.size.")
ROUNDED = ("{var} treats the targets as 0/1 labels; they are probabilities in [0, 1]: keep "
           "−t·log σ(z) − (1 − t)·log(1 − σ(z)) with t as given.")

KATA = Kata(
    name="bce_with_logits",
    title="Binary cross-entropy on logits, numerically stable",
    topic="losses",
    difficulty="medium",
    source="PyTorch's BCEWithLogitsLoss (mean reduction); the log-sum-exp trick for two classes",
    functions=("bce_with_logits",),
    checks=(
        LossAndGrads("bce_with_logits", loss=bce, cases=draws, returns=(Loss(), Grad("dlogits", "logits")),
                     mistakes=(
                         Mistake("constant_scale", "loss", mean_over_first_axis, MEAN_OVER_N),
                         Mistake("constant_scale", "dlogits", mean_over_first_axis_grad, MEAN_OVER_N),
                         Mistake("constant_scale", "dlogits", lambda z, t: sigmoid(z) - t,
                                 "{var} is σ(z) − t, the gradient of the sum: the loss is a mean, so divide by "
                                 "logits.size."),
                         Mistake("wrong_value", "loss", guarded,
                                 "{var} is computed as log(σ(z) + 1e-7): the guard caps each term near 16.1 and "
                                 "shifts the others. Write the loss in z itself: max(z, 0) − t·z + log(1 + e^−|z|)."),
                         Mistake("wrong_value", "loss", clipped,
                                 "{var} clips σ(z) to [1e-7, 1 − 1e-7] before the log: that caps each term near "
                                 "16.1. Write the loss in z itself: max(z, 0) − t·z + log(1 + e^−|z|)."),
                         Mistake("wrong_value", "loss", rounded_targets, ROUNDED),
                         Mistake("wrong_gradient", "dlogits", rounded_targets_grad, ROUNDED),
                     )),
    ),
    hints=(
        "Per element, d/dz of −t·log σ(z) − (1 − t)·log(1 − σ(z)) is σ(z) − t; the mean divides by logits.size.",
        "log σ(z) computed from σ(z) is log 0 once it rounds off: 1 − σ(z) is 0 for z above about 37, σ(z) for z "
        "below about −745. Write the loss in z. log σ(z) = −log(1 + e^−z), log(1 − σ(z)) = −z − log(1 + e^−z).",
        "That gives (1 − t)·z + log(1 + e^−z) per element, which still overflows for z ≪ 0: use the equal "
        "max(z, 0) − t·z + np.log1p(np.exp(-np.abs(z))), which only exponentiates −|z|.",
        "For the gradient, a stable sigmoid: with e = np.exp(-np.abs(z)), σ = np.where(z >= 0, 1 / (1 + e), "
        "e / (1 + e)); dlogits = (σ − t) / z.size.",
    ),
    explanations={
        "non_finite": "σ(z) rounds to exactly 0 or 1 for large |z|, and log of it is −inf (times a target of 0 "
                      "it is nan): the naive log(sigmoid(z)) fails there. Write the loss in z itself: "
                      "max(z, 0) − t·z + log1p(exp(−|z|)).",
        "overflow": "exp(−z) overflows for z below about −709.8, and exp(z) above +709.8: exponentiate only "
                    "−|z|, as in max(z, 0) − t·z + log1p(exp(−|z|)), and take σ by the sign of z.",
        "constant_scale": "The loss is the mean over every element, so dlogits = (σ(z) − t) / logits.size.",
        "mutated_input": "Never write into logits or targets: build new arrays.",
    },
    prerequisites=("sigmoid",),
)
