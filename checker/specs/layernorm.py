import numpy as np

from checker.draws import log_uniform
from checker.spec import Case, Gradient, Kata, Mistake, Value


def normalize(x, eps=1e-5, axis=-1, ddof=0):
    # Two passes (x.var subtracts the mean first): the large-mean draw needs them.
    return (x - x.mean(axis=axis, keepdims=True)) / np.sqrt(x.var(axis=axis, ddof=ddof, keepdims=True) + eps)


def layernorm(x, gamma, beta, eps=1e-5, axis=-1, ddof=0):
    return gamma * normalize(x, eps, axis, ddof) + beta


def gradients(dout, x, gamma, beta, eps=1e-5, axis=-1, ddof=0, statistics_constant=False):
    """(dx, dgamma, dbeta) of layernorm(axis, ddof); ``statistics_constant`` treats μ and σ² as
    constants, as if x̂ depended on its own entry of x alone."""
    n = x.shape[axis]
    inv_std = 1.0 / np.sqrt(x.var(axis=axis, ddof=ddof, keepdims=True) + eps)
    x_hat = (x - x.mean(axis=axis, keepdims=True)) * inv_std
    g = dout * gamma
    if statistics_constant:
        dx = g * inv_std
    else:
        dx = inv_std * (g - g.mean(axis=axis, keepdims=True)
                        - x_hat * (g * x_hat).sum(axis=axis, keepdims=True) / (n - ddof))
    rows = tuple(range(x.ndim - 1))
    return dx, (dout * x_hat).sum(axis=rows), dout.sum(axis=rows)


def _gradient_mistakes(code, variant, message, names=("dx", "dgamma", "dbeta")):
    order = ("dx", "dgamma", "dbeta")
    return tuple(Mistake(code, name, lambda dout, x, gamma, beta, eps=1e-5, i=order.index(name): gradients(
        dout, x, gamma, beta, eps, **variant)[i], message) for name in names)


def rows_of(rng, lead, d, large_mean=False):
    """(*lead, D) whose rows each have a mean and an exact spread of their own: spreads 0.1..10, or
    (large_mean) means of ±1e3..2e3 with spreads of 0.01..0.03, where E[x²] − E[x]² cancels to noise."""
    count = int(np.prod(lead, dtype=int))
    if large_mean:
        mean = rng.choice([-1.0, 1.0], count) * rng.uniform(1e3, 2e3, count)
        spread = log_uniform(rng, 1e-2, 3e-2, count)
    else:
        mean = 3.0 * rng.standard_normal(count)
        spread = log_uniform(rng, 0.1, 10.0, count)
    z = rng.standard_normal((count, d))
    z = (z - z.mean(axis=1, keepdims=True)) / z.std(axis=1, keepdims=True)
    return (mean[:, None] + spread[:, None] * z).reshape(tuple(lead) + (d,))


def draws(rng):
    # Every rank from 1-D to 4-D; the first axis never equals D, so statistics over axis 0 cannot
    # pass for the last axis; eps is passed alone in two draws.
    for lead, d, large_mean, keywords in [
            ((), 5, False, {}),
            ((3,), 4, False, {"eps": 1e-2}),
            ((1,), 6, False, {}),
            ((2, 3), 5, False, {}),
            ((2, 1, 3), 4, False, {"eps": 0.3}),
            ((4,), 3, True, {})]:
        args = {"x": rows_of(rng, lead, d, large_mean), "gamma": rng.standard_normal(d),
                "beta": rng.standard_normal(d)}
        label = f"x {lead + (d,)}" + (", mean ~1e3, std ~0.01" if large_mean else "") + "".join(
            f", {k}={v:g}" for k, v in keywords.items())
        yield Case(label, args, dict(keywords), batch=lead[0] if lead else None)


UNBIASED = ("{var} comes from the unbiased variance (divided by D − 1): layernorm's variance is the biased "
            "one, the mean of (x − μ)² over the row, divided by D (np.var's default, ddof=0).")
WRONG_AXIS = ("{var} takes the statistics over the first axis, as batchnorm does: layernorm normalizes each "
              "row over its features, axis=-1 with keepdims=True, whatever the number of leading axes.")

KATA = Kata(
    name="layernorm",
    title="Layer normalization over the last axis: forward and backward",
    topic="normalization",
    difficulty="medium",
    source="Ba, Kiros & Hinton, Layer Normalization (2016); CS231n assignment 2 (layernorm_backward)",
    functions=("layernorm_forward", "layernorm_backward"),
    checks=(
        Value("layernorm_forward", reference=layernorm, cases=draws,
              mistakes=(Mistake("wrong_value", "out", lambda x, gamma, beta, eps=1e-5: layernorm(
                            x, gamma, beta, eps, ddof=1), UNBIASED),
                        Mistake("wrong_axis", "out", lambda x, gamma, beta, eps=1e-5: layernorm(
                            x, gamma, beta, eps, axis=0), WRONG_AXIS))),
        Gradient("layernorm_backward", forward=layernorm, cases=draws,
                 grads={"dx": "x", "dgamma": "gamma", "dbeta": "beta"},
                 # The large-mean rows are rounding-limited: x ~ 2e3 rounds to 2e-13, std ~ 0.01.
                 floor=0.1,
                 mistakes=_gradient_mistakes("wrong_gradient", {"ddof": 1}, UNBIASED, names=("dx", "dgamma"))
                 + _gradient_mistakes("wrong_axis", {"axis": 0}, WRONG_AXIS, names=("dx", "dgamma"))
                 + _gradient_mistakes("wrong_gradient", {"statistics_constant": True},
                                      "{var} treats the row's mean and variance as constants (dx = dout·γ/σ): "
                                      "both depend on every entry of the row, so dx has two more terms, "
                                      "−mean(g) and −x̂·mean(g·x̂) with g = dout·γ, means over the row.",
                                      names=("dx",))),
    ),
    hints=(
        "It is batchnorm turned sideways: the mean and variance are taken over the last axis, with "
        "keepdims=True so that they broadcast back against x of any rank.",
        "dgamma and dbeta sum over every axis but the last: axis=tuple(range(x.ndim - 1)), which is () for a "
        "1-D x, summing nothing.",
        "With g = dout·γ, dx = inv_std·(g − mean(g) − x̂·mean(g·x̂)), the means over the last axis with "
        "keepdims=True.",
    ),
    explanations={
        "wrong_value:out": "Compare your variance with np.var(x, axis=-1, keepdims=True): the biased variance of "
                           "each row. On rows whose mean is large next to their spread, mean(x²) − mean(x)² "
                           "cancels to noise: subtract the mean first.",
        "wrong_shape": "dgamma and dbeta have gamma's shape (D,): sum over every leading axis, "
                       "axis=tuple(range(x.ndim - 1)). dx has x's shape.",
        "ignores_keyword": "Use eps as given, inside the square root: √(σ² + eps).",
        "exception": "Keep the statistics' axes with keepdims=True: a (N,) mean does not broadcast against "
                     "(N, D), and x may be 1-D or have several leading axes.",
    },
)
