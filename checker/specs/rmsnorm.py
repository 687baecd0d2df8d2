import numpy as np

from checker.draws import log_uniform
from checker.spec import Case, Gradient, Kata, Mistake, Value


def rmsnorm(x, weight, eps=1e-6, axis=-1, reduce=np.mean, centred=False, eps_outside=False):
    """The reference (defaults) and its classic variants: another axis, the root of the sum instead
    of the mean, the mean subtracted first (layernorm without a shift), eps added after the root."""
    if centred:
        x = x - x.mean(axis=axis, keepdims=True)
    square = reduce(x * x, axis=axis, keepdims=True)
    rms = np.sqrt(square) + eps if eps_outside else np.sqrt(square + eps)
    return x / rms * weight


def gradients(dout, x, weight, eps=1e-6, axis=-1, rms_constant=False):
    """(dx, dweight) of rmsnorm(axis); ``rms_constant`` treats the root mean square as a constant."""
    inv_rms = 1.0 / np.sqrt(np.mean(x * x, axis=axis, keepdims=True) + eps)
    x_hat = x * inv_rms
    g = dout * weight
    dx = g * inv_rms if rms_constant else inv_rms * (g - x_hat * np.mean(g * x_hat, axis=axis, keepdims=True))
    return dx, (dout * x_hat).sum(axis=tuple(range(x.ndim - 1)))


def _gradient_mistakes(code, variant, message, names=("dx", "dweight")):
    order = ("dx", "dweight")
    return tuple(Mistake(code, name, lambda dout, x, weight, eps=1e-6, i=order.index(name): gradients(
        dout, x, weight, eps, **variant)[i], message) for name in names)


def _forward_mistake(code, variant, message):
    return Mistake(code, "out", lambda x, weight, eps=1e-6: rmsnorm(x, weight, eps, **variant), message)


def rows_of(rng, lead, d, scales=(0.1, 30.0)):
    """(*lead, D): each row standard normal times a scale of its own (log-uniform in ``scales``), with a
    mean of its own too (up to its scale), so subtracting the mean changes the answer."""
    count = int(np.prod(lead, dtype=int))
    scale = log_uniform(rng, *scales, count)[:, None]
    rows = scale * (rng.standard_normal((count, d)) + rng.standard_normal((count, 1)))
    return rows.reshape(tuple(lead) + (d,))


def draws(rng):
    # Every rank from 1-D to 4-D; the first axis never equals D. eps is passed alone twice. One draw
    # has rows of rms ~ 3e-3..1e-2, where the default eps (1e-6) changes the answer by a few per
    # cent; a smaller step keeps the differences' truncation error, (step/rms)², small there.
    for lead, d, scales, keywords, step in [
            ((), 5, (0.1, 30.0), {}, 1e-5),
            ((3,), 4, (0.1, 30.0), {"eps": 1e-2}, 1e-5),
            ((1,), 6, (0.1, 30.0), {}, 1e-5),
            ((2, 3), 5, (0.1, 30.0), {}, 1e-5),
            ((2, 1, 3), 4, (0.1, 30.0), {"eps": 0.5}, 1e-5),
            ((4,), 3, (3e-3, 1e-2), {}, 1e-6)]:
        args = {"x": rows_of(rng, lead, d, scales), "weight": rng.standard_normal(d)}
        label = f"x {lead + (d,)}" + (", rows of rms ~1e-2" if scales[1] < 1 else "") + "".join(
            f", {k}={v:g}" for k, v in keywords.items())
        yield Case(label, args, dict(keywords), batch=lead[0] if lead else None, step=step)


WRONG_AXIS = ("{var} takes the root mean square over the first axis: RMSNorm normalizes each row over its "
              "features, axis=-1 with keepdims=True, whatever the number of leading axes.")

KATA = Kata(
    name="rmsnorm",
    title="RMSNorm over the last axis: forward and backward",
    topic="normalization",
    difficulty="medium",
    source="Zhang & Sennrich, Root Mean Square Layer Normalization (2019); the norm of LLaMA-style transformers",
    functions=("rmsnorm_forward", "rmsnorm_backward"),
    checks=(
        Value("rmsnorm_forward", reference=rmsnorm, cases=draws,
              mistakes=(_forward_mistake("wrong_axis", {"axis": 0}, WRONG_AXIS),
                        _forward_mistake("wrong_value", {"reduce": np.sum},
                                         "{var} divides by the root of the sum of squares, the L2 norm: RMSNorm "
                                         "divides by the root of their mean, √(Σx²/D + eps)."),
                        _forward_mistake("wrong_value", {"centred": True},
                                         "{var} subtracts each row's mean first, as layernorm does: RMSNorm "
                                         "rescales x itself, x/√(mean(x²) + eps)."),
                        _forward_mistake("wrong_value", {"eps_outside": True},
                                         "{var} adds eps after the square root, √mean(x²) + eps: it belongs "
                                         "inside, √(mean(x²) + eps)."))),
        Gradient("rmsnorm_backward", forward=rmsnorm, cases=draws,
                 grads={"dx": "x", "dweight": "weight"},
                 mistakes=_gradient_mistakes("wrong_axis", {"axis": 0}, WRONG_AXIS)
                 + _gradient_mistakes("wrong_gradient", {"rms_constant": True},
                                      "{var} treats the root mean square as a constant (dx = dout·w/rms): it "
                                      "depends on every entry of the row, so dx has one more term, "
                                      "−x̂·mean(g·x̂) with g = dout·w and x̂ = x/rms.", names=("dx",))),
    ),
    hints=(
        "Keep r = 1/√(mean(x², axis=-1, keepdims=True) + eps) and x̂ = x·r from the forward; dweight sums "
        "dout·x̂ over every axis but the last.",
        "x_j reaches out_i directly (when i = j) and through r, which depends on the whole row: "
        "dr/dx_j = −r³·x_j/D.",
        "With g = dout·weight, dx = r·(g − x̂·mean(g·x̂)), the mean over the last axis with keepdims=True: "
        "layernorm's formula without the −mean(g) term, since nothing was subtracted.",
    ),
    explanations={
        "wrong_shape": "dweight has weight's shape (D,): sum over every leading axis, "
                       "axis=tuple(range(x.ndim - 1)). dx has x's shape.",
        "ignores_keyword": "Use eps as given, inside the square root: √(mean(x²) + eps).",
        "wrong_value:out": "Check eps on the rows of small entries: it sits inside the root, √(mean(x²) + eps), "
                           "and there it changes the answer by a few per cent.",
        "exception": "Keep the mean's axis with keepdims=True: a (N,) mean does not broadcast against (N, D), "
                     "and x may be 1-D or have several leading axes.",
    },
)
