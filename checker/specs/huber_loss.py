import numpy as np

from checker.draws import mixed_values, shape_text, shapes_of_every_rank
from checker.spec import Case, Grad, Kata, Loss, LossAndGrads, Mistake


def per_element(d, delta, linear_shift=True, linear_scale=True):
    size = np.abs(d)
    slope = delta if linear_scale else 1.0
    linear = slope * (size - 0.5 * delta) if linear_shift else slope * size
    return np.where(size <= delta, 0.5 * d * d, linear)


def huber(pred, target, delta=1.0):
    return float(np.mean(per_element(pred - target, delta)))


def regions(d, delta):
    inside = np.abs(d) <= delta
    return {"pred": {"where |pred − target| ≤ delta": inside, "where |pred − target| > delta": ~inside}}


def draws(rng):
    # Every rank from 0-d to 4-d, and a batch of one. The residuals d = pred − target mix standard normal
    # entries with large ones (tens to hundreds) and ones 1e-3..1e-2 beside +delta and −delta on both
    # sides; delta is the default in three draws and 0.3, 2.5, 0.05, 4 in the others.
    shapes = [(1, 5), *shapes_of_every_rank(rng), (4, 3), ()]
    deltas = [None, 0.3, None, 2.5, 0.05, 4.0, None, 0.7]
    for index, (shape, delta) in enumerate(zip(shapes, deltas)):
        limit = 1.0 if delta is None else delta
        d = mixed_values(rng, shape, kinks=(limit, -limit))
        if shape == ():
            # The two 0-d draws: one on the quadratic part, one on the linear part.
            inside = index == 1
            d = np.array((rng.uniform(0.1, 0.9) if inside else rng.uniform(1.5, 4.0)) * limit
                         * rng.choice([-1.0, 1.0]))
        target = np.array(rng.standard_normal(shape))
        keywords = {} if delta is None else {"delta": delta}
        label = f"pred {shape_text(shape)}" + ("" if delta is None else f", delta={delta}")
        # The large residuals make the loss large next to the gradient's entries (each 1/S of a slope):
        # a step of 1e-4 keeps the loss's rounding out of the differences. It is exact on both parts
        # (quadratic and linear), and every residual lies at least 1e-3 from ±delta.
        yield Case(label, {"pred": np.array(target + d), "target": target}, keywords,
                   regions=regions(d, limit), step=1e-4)


def mean_over_first_axis(pred, target, delta=1.0):
    return float(np.sum(per_element(pred - target, delta)) / (pred.shape[0] if pred.ndim else 1))


def mean_over_first_axis_grad(pred, target, delta=1.0):
    d = pred - target
    return np.clip(d, -delta, delta) / (pred.shape[0] if pred.ndim else 1)


MEAN_OVER_N = "{var} divides by N = pred.shape[0] only; the loss is a mean over every element, pred.size."
SMOOTH_L1 = ("{var} is the smooth L1 loss (PyTorch's SmoothL1Loss with beta = delta): that is the Huber loss "
             "divided by delta. Huber's quadratic part is ½d², its linear part delta·(|d| − ½delta).")

KATA = Kata(
    name="huber_loss",
    title="Huber loss and its gradient",
    topic="losses",
    difficulty="easy",
    source="Huber, 1964 (robust estimation); PyTorch's HuberLoss (mean reduction); DQN's error clipping",
    functions=("huber_loss",),
    checks=(
        LossAndGrads("huber_loss", loss=huber, cases=draws, returns=(Loss(), Grad("dpred", "pred")),
                     mistakes=(
                         Mistake("constant_scale", "loss", mean_over_first_axis, MEAN_OVER_N),
                         Mistake("constant_scale", "dpred", mean_over_first_axis_grad, MEAN_OVER_N),
                         Mistake("wrong_value", "loss",
                                 lambda p, t, delta=1.0: float(np.mean(per_element(p - t, delta, linear_shift=False))),
                                 "{var} takes delta·|d| on the linear part: it must be delta·(|d| − ½delta), so "
                                 "that the two parts meet at |d| = delta."),
                         Mistake("wrong_value", "loss",
                                 lambda p, t, delta=1.0: float(np.mean(per_element(p - t, delta, linear_scale=False))),
                                 "{var} takes |d| − ½delta on the linear part: it is delta·(|d| − ½delta), the "
                                 "slope there is delta (the same only when delta = 1)."),
                         Mistake("mask_error", "dpred",
                                 lambda p, t, delta=1.0: np.where(np.abs(p - t) <= delta, p - t, np.sign(p - t))
                                 / np.size(p),
                                 "{var} is sign(d) on the linear part: the slope there is delta·sign(d) (the same "
                                 "only when delta = 1)."),
                         Mistake("mask_error", "dpred", lambda p, t, delta=1.0: (p - t) / np.size(p),
                                 "{var} is d / S everywhere, the gradient of ½d²: beyond delta the loss is linear, "
                                 "so its slope is clipped to ±delta."),
                         Mistake("constant_scale", "loss",
                                 lambda p, t, delta=1.0: huber(p, t, delta) / delta, SMOOTH_L1),
                         Mistake("constant_scale", "dpred",
                                 lambda p, t, delta=1.0: np.clip(p - t, -delta, delta) / delta / np.size(p),
                                 SMOOTH_L1),
                     )),
    ),
    hints=(
        "Split by |d| ≤ delta: on the quadratic part h'(d) = d; on the linear part h'(d) = delta·sign(d).",
        "Those two pieces together are d clipped to [−delta, delta]: np.clip(d, -delta, delta).",
        "d = pred − target; loss = np.mean(np.where(np.abs(d) <= delta, 0.5 * d**2, delta * (np.abs(d) − "
        "0.5 * delta))); dpred = np.clip(d, -delta, delta) / d.size.",
    ),
    explanations={
        "constant_scale": "The loss is the mean over every element, so dpred = clip(d, −delta, delta) / "
                          "pred.size; Huber's quadratic part is ½d², not ½d²/delta.",
        "mask_error": "Look at each part on its own: where |d| ≤ delta the slope is d, where |d| > delta it "
                      "is delta·sign(d), and delta is the one passed.",
        "ignores_keyword": "Use the delta the caller passes, in the test |d| ≤ delta and in both parts.",
        "mutated_input": "Never write into pred or target: build new arrays.",
    },
)
