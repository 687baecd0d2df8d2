import numpy as np

from checker.draws import log_uniform
from checker.spec import Case, Gradient, Kata, Mistake, Value


def normalize(x, eps=1e-5, axis=0, ddof=0):
    # Two passes (x.var subtracts the mean first): the large-mean draws need them.
    return (x - x.mean(axis=axis, keepdims=True)) / np.sqrt(x.var(axis=axis, ddof=ddof, keepdims=True) + eps)


def batchnorm(x, gamma, beta, eps=1e-5, axis=0, ddof=0):
    return gamma * normalize(x, eps, axis, ddof) + beta


def gradients(dout, x, gamma, beta, eps=1e-5, axis=0, ddof=0, statistics_constant=False):
    """(dx, dgamma, dbeta) of batchnorm(axis, ddof); ``statistics_constant`` treats μ and σ² as
    constants, as if x̂ depended on its own entry of x alone."""
    n = x.shape[axis]
    inv_std = 1.0 / np.sqrt(x.var(axis=axis, ddof=ddof, keepdims=True) + eps)
    x_hat = (x - x.mean(axis=axis, keepdims=True)) * inv_std
    g = dout * gamma
    if statistics_constant:
        dx = g * inv_std
    else:
        # d var / dx = 2 (x − μ) / (N − ddof): the variance's divisor reaches the last term.
        dx = inv_std * (g - g.mean(axis=axis, keepdims=True)
                        - x_hat * (g * x_hat).sum(axis=axis, keepdims=True) / (n - ddof))
    return dx, (dout * x_hat).sum(axis=0), dout.sum(axis=0)


def _gradient_mistakes(code, variant, message, names=("dx", "dgamma", "dbeta")):
    order = ("dx", "dgamma", "dbeta")
    return tuple(Mistake(code, name, lambda dout, x, gamma, beta, eps=1e-5, i=order.index(name): gradients(
        dout, x, gamma, beta, eps, **variant)[i], message) for name in names)


def _swapped(i):
    return lambda dout, x, gamma, beta, eps=1e-5: gradients(dout, x, gamma, beta, eps)[i]


def columns(rng, n, d, kind="mixed"):
    """(N, D) with a mean and a spread of its own per column: spreads from 0.1 to 10 ("mixed"); or
    means of ±1e3..3e3 with spreads of 0.01..0.03 ("large mean"), where E[x²] − E[x]² cancels all but a
    few digits; or, for N = 2 ("close pair"), the two rows 0.1..0.4 apart in every column, so that dx,
    which at N = 2 comes from eps alone, stays within a few decades across the columns."""
    if kind == "large mean":
        mean = rng.choice([-1.0, 1.0], d) * rng.uniform(1e3, 2e3, d)
        spread = log_uniform(rng, 1e-2, 3e-2, d)
    elif kind == "close pair":
        mean = 3.0 * rng.standard_normal(d)
        half_gap = rng.choice([-1.0, 1.0], d) * rng.uniform(0.05, 0.2, d)
        return mean + np.array([1.0, -1.0])[:, None] * half_gap
    else:
        mean = 3.0 * rng.standard_normal(d)
        spread = log_uniform(rng, 0.1, 10.0, d)
    # Each column's own spread is exactly `spread`: a draw of three rows nearly alike would make
    # the differences' truncation error (step/std)² large.
    z = rng.standard_normal((n, d))
    z = (z - z.mean(axis=0)) / z.std(axis=0)
    return mean + spread * z


def draws(rng):
    # N != D everywhere, so a normalization over the features (axis 1) cannot keep the statistics'
    # shape by chance; eps is passed alone in two draws. N = 2 is the smallest batch: x̂ = ±1.
    for n, d, kind, keywords in [
            (2, 5, "close pair", {}),
            (3, 4, "mixed", {"eps": 1e-2}),
            (4, 7, "mixed", {}),
            (5, 3, "large mean", {}),
            (6, 3, "large mean", {"eps": 1e-6}),
            (7, 2, "mixed", {"eps": 0.5}),
            (2, 3, "close pair", {"eps": 1e-3})]:
        args = {"x": columns(rng, n, d, kind), "gamma": rng.standard_normal(d),
                "beta": rng.standard_normal(d)}
        label = f"x ({n}, {d})" + (", mean ~1e3, std ~0.01" if kind == "large mean" else "") + "".join(
            f", {k}={v:g}" for k, v in keywords.items())
        yield Case(label, args, dict(keywords), batch=n)


UNBIASED = ("{var} comes from the unbiased variance (divided by N − 1): batchnorm's training-mode variance is "
            "the biased one, the mean of (x − μ)² over the batch, divided by N (np.var's default, ddof=0).")
WRONG_AXIS = ("{var} normalizes each row over its features (axis 1), which is layer normalization: batchnorm "
              "takes the statistics of each feature over the batch, axis 0.")
SWAPPED = ("{var} holds the other parameter's gradient: dgamma and dbeta are returned in each other's place. "
           "Return (dx, dgamma, dbeta), dgamma = Σ_n dout·x̂ and dbeta = Σ_n dout.")

KATA = Kata(
    name="batchnorm",
    title="Batch normalization in training mode: forward and backward",
    topic="normalization",
    difficulty="medium",
    source="Ioffe & Szegedy, Batch Normalization (2015), Algorithm 1; CS231n assignment 2 (batchnorm_backward)",
    functions=("batchnorm_forward", "batchnorm_backward"),
    checks=(
        Value("batchnorm_forward", reference=batchnorm, cases=draws,
              mistakes=(Mistake("wrong_value", "out", lambda x, gamma, beta, eps=1e-5: batchnorm(
                            x, gamma, beta, eps, ddof=1), UNBIASED),
                        Mistake("wrong_axis", "out", lambda x, gamma, beta, eps=1e-5: batchnorm(
                            x, gamma, beta, eps, axis=1), WRONG_AXIS))),
        Gradient("batchnorm_backward", forward=batchnorm, cases=draws,
                 grads={"dx": "x", "dgamma": "gamma", "dbeta": "beta"},
                 # At N = 2, x̂ = ±1 whatever x is: dx comes only from eps and is tiny next to out,
                 # so the differences are rounding-limited there; so are they on the large-mean columns
                 # (x ~ 2e3 rounds to 2e-13, std ~ 0.01).
                 floor=0.1,
                 mistakes=_gradient_mistakes("wrong_gradient", {"ddof": 1}, UNBIASED)
                 + _gradient_mistakes("wrong_axis", {"axis": 1}, WRONG_AXIS, names=("dx",))
                 + _gradient_mistakes("wrong_gradient", {"statistics_constant": True},
                                      "{var} treats the batch mean and variance as constants (dx = dout·γ/σ): "
                                      "both depend on every x of the column, so dx has two more terms, "
                                      "−mean(g) and −x̂·mean(g·x̂) with g = dout·γ.", names=("dx",))
                 + (Mistake("wrong_type", "dgamma", _swapped(2), SWAPPED),
                    Mistake("wrong_type", "dbeta", _swapped(1), SWAPPED))),
    ),
    hints=(
        "Keep the intermediates of the forward: x̂ = (x − μ)/√(σ² + eps) and inv_std = 1/√(σ² + eps), "
        "both per column. dbeta = Σ_n dout and dgamma = Σ_n dout·x̂ come first and need nothing else.",
        "Let g = dout·γ, the gradient w.r.t. x̂. x reaches x̂ three ways: directly, through μ and through σ²; "
        "draw the graph and add the three contributions.",
        "The three paths collapse to dx = inv_std·(g − mean(g) − x̂·mean(g·x̂)), the means over the batch "
        "(axis 0). Check it at N = 2: x̂ = ±1 and dx is tiny.",
    ),
    explanations={
        "wrong_value:out": "Compare your variance with np.var(x, axis=0): the biased variance, over the batch. "
                           "On columns whose mean is large next to their spread, mean(x²) − mean(x)² "
                           "cancels to noise: subtract the mean first, mean((x − μ)²).",
        "wrong_gradient:dx": "Write dx = inv_std·(g − mean(g) − x̂·mean(g·x̂)) with g = dout·γ and the means "
                             "over the batch, and check each piece's shape: (N, D) or (D,).",
        "ignores_keyword": "Use eps as given, inside the square root: √(σ² + eps).",
        "wrong_shape": "dgamma and dbeta have one entry per feature, like gamma and beta: sum over the batch, "
                       "axis 0. dx has x's shape (N, D).",
        "batch_scale": "dgamma and dbeta sum over the batch (every row adds γ·x̂ + β to its output); the means "
                       "inside dx divide by N.",
    },
    smallest_batch=2,
)
