import numpy as np

from checker.spec import Case, Gradient, Kata, Mistake, Value


def visible_keys(t_q, t_k, causal, offset=0):
    """Which keys each query sees: all, or (causal) key j <= query i + offset."""
    return np.tril(np.ones((t_q, t_k), dtype=bool), k=offset) if causal else np.ones((t_q, t_k), dtype=bool)


def weights(q, k, causal=False, scale=None, axis=-1, offset=0, fill=-np.inf):
    """The softmax of the scaled scores over ``axis``, hidden scores set to ``fill``. With a finite fill
    (the -1e9 of masked_fill) a query that sees no key at all gets uniform weights, as such code does."""
    scale = 1.0 / np.sqrt(q.shape[-1]) if scale is None else scale
    scores = np.einsum("...id,...jd->...ij", q, k) * scale
    scores = np.where(visible_keys(q.shape[-2], k.shape[-2], causal, offset), scores, fill)
    shifted = scores - np.max(scores, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)


def attention(q, k, v, causal=False):
    return np.einsum("...ij,...jv->...iv", weights(q, k, causal), v)


def gradients(dout, q, k, v, causal=False, jacobian="full", **variant):
    """(dq, dk, dv) of the attention that ``weights(**variant)`` describes; ``jacobian="diagonal"`` keeps
    only p·(1 − p) of the softmax's Jacobian, as if each weight depended on its own score alone."""
    scale = variant.get("scale") or 1.0 / np.sqrt(q.shape[-1])
    axis = variant.get("axis", -1)
    p = weights(q, k, causal, **variant)
    dv = np.einsum("...ij,...iv->...jv", p, dout)
    dp = np.einsum("...iv,...jv->...ij", dout, v)
    if jacobian == "diagonal":
        dscores = p * (1 - p) * dp
    else:
        dscores = p * (dp - np.sum(dp * p, axis=axis, keepdims=True))
    dq = np.einsum("...ij,...jd->...id", dscores, k) * scale
    dk = np.einsum("...ij,...id->...jd", dscores, q) * scale
    return dq, dk, dv


# The classic mistakes: (code, how their weights differ, as keywords of weights(), message).
MISTAKES = (
    ("mask_error", lambda q, v: {"offset": -1, "fill": -1e9},
     "{var} comes from a causal mask that hides key i from query i too (j < i instead of j <= i): each "
     "query must see itself, so the first one is left with no key at all. Keep j <= i: np.tril(..., k=0)."),
    ("mask_error", lambda q, v: {"offset": 1},
     "{var} comes from a causal mask that lets query i see key i + 1, one step into the future: keep "
     "j <= i, np.tril(np.ones((T, T)), k=0)."),
    ("wrong_value", lambda q, v: {"scale": 1.0 / np.sqrt(v.shape[-1])},
     "{var} scales the scores by 1/√d_v, the size of the values; the scale is 1/√d with d the last "
     "dimension of q and k, the length of the dot products."),
    ("wrong_value", lambda q, v: {"scale": 1.0},
     "{var} leaves the scores q kᵀ unscaled: divide them by √d (d = q.shape[-1]) before the softmax."),
    ("wrong_value", lambda q, v: {"scale": 1.0 / q.shape[-1]},
     "{var} divides the scores by d; the scale is 1/√d."),
    ("wrong_axis", lambda q, v: {"axis": -2},
     "{var} takes the softmax over the queries (axis -2): each query's weights over the keys sum to 1, "
     "so the softmax runs over the last axis, with keepdims."),
)


def _forward_mistake(code, variant, message):
    return Mistake(code, "out", lambda q, k, v, causal=False: np.einsum(
        "...ij,...jv->...iv", weights(q, k, causal, **variant(q, v)), v), message)


def _backward_mistakes(code, variant, message):
    return tuple(Mistake(code, name, lambda dout, q, k, v, causal=False, i=i: gradients(
        dout, q, k, v, causal, **variant(q, v))[i], message) for i, name in enumerate(("dq", "dk", "dv")))


DIAGONAL_JACOBIAN = ("{var} uses only p·(1 − p), the diagonal of the softmax's Jacobian: every weight of a row "
                     "depends on every score of that row, so ds = p·(dp − Σ_j p·dp) over the keys.")


def draws(rng):
    # d != d_v everywhere, so a scale by √d_v differs from √d; T_q != T_k where not causal.
    for lead, t_q, t_k, d, d_v, keywords in [
            ((), 3, 5, 4, 2, {}),
            ((1,), 4, 4, 3, 5, {"causal": True}),
            ((2, 3), 2, 3, 4, 3, {"causal": False}),
            ((2,), 5, 5, 2, 3, {"causal": True}),
            ((2, 2), 3, 3, 5, 2, {"causal": True}),
            ((), 1, 4, 3, 2, {})]:
        args = {"q": rng.standard_normal(lead + (t_q, d)), "k": rng.standard_normal(lead + (t_k, d)),
                "v": rng.standard_normal(lead + (t_k, d_v))}
        label = f"q {lead + (t_q, d)}, k {lead + (t_k, d)}, v {lead + (t_k, d_v)}" + "".join(
            f", {key}={value}" for key, value in keywords.items())
        yield Case(label, args, dict(keywords), batch=lead[0] if lead else None)
    # Extreme scores: every key has 1000 in its first entry and the queries ±2 in theirs, so with d = 4
    # the rows of scores sit near +1000 and -1000 in turn, within a few units of each other. exp
    # overflows on the first kind; a maximum taken over the whole array instead of each row leaves
    # the second kind all zeros (0/0). The large entry of every key is the same, so it shifts a whole
    # row of scores at once: the output does not depend on it (dq[..., 0] = 0), nothing is steep, and a
    # larger step keeps the rounding of scores near 1000 out of the differences.
    for lead, t, t_k, keywords in [((2,), 4, 5, {}), ((2, 2), 4, 4, {"causal": True})]:
        q = rng.standard_normal(lead + (t, 4))
        q[..., 0] = 2.0 * np.where(np.arange(t) % 2 == 0, 1.0, -1.0)
        k = rng.standard_normal(lead + (t_k, 4))
        k[..., 0] = 1000.0
        args = {"q": q, "k": k, "v": rng.standard_normal(lead + (t_k, 3))}
        yield Case(f"scores near ±1000, q {q.shape}" + (", causal=True" if keywords else ""), args, dict(keywords),
                   batch=lead[0], stability=True, step=1e-4)


KATA = Kata(
    name="attention",
    title="Scaled dot-product attention, causal or not: forward and backward",
    topic="layers",
    difficulty="hard",
    prerequisites=("softmax_backward", "matmul_backward"),
    source="Attention Is All You Need (Vaswani et al., 2017), eq. 1; CS231n assignment 3 (transformer layers)",
    functions=("attention_forward", "attention_backward"),
    checks=(
        Value("attention_forward", reference=attention, cases=draws,
              mistakes=tuple(_forward_mistake(*m) for m in MISTAKES)),
        Gradient("attention_backward", forward=attention, cases=draws,
                 grads={"dq": "q", "dk": "k", "dv": "v"},
                 mistakes=tuple(m for spec in MISTAKES for m in _backward_mistakes(*spec)) + tuple(
                     Mistake("wrong_gradient", name, lambda dout, q, k, v, causal=False, i=i: gradients(
                         dout, q, k, v, causal, jacobian="diagonal")[i], DIAGONAL_JACOBIAN)
                     for i, name in enumerate(("dq", "dk")))),
    ),
    hints=(
        "Go through it in three steps and keep the intermediates: s = q kᵀ/√d, p = softmax(s) over the last "
        "axis, out = p v. Use np.swapaxes(a, -1, -2) for the transposes and @ for the products, so any "
        "leading dimensions come along for free.",
        "For causal, set the hidden scores (j > i) to -inf before the softmax: exp(-inf) = 0 exactly. "
        "Subtract each row's maximum (axis=-1, keepdims=True) before exp: the softmax does not change and "
        "exp cannot overflow.",
        "Backward through out = p v: dv = pᵀ dout and dp = dout vᵀ. Through the softmax, row by row: "
        "ds = p·(dp − Σ_j p·dp), the sum over the keys with keepdims.",
        "Through s = q kᵀ/√d: dq = ds k/√d and dk = dsᵀ q/√d. A hidden score has p = 0, so ds is 0 there "
        "without any extra masking.",
    ),
    explanations={
        "non_finite": "Look at each row of the softmax. A row whose every key is hidden is 0/0: query i sees "
                      "key i itself, so no row is ever empty. On scores near ±1000, subtract each row's own "
                      "maximum (axis=-1): one maximum for the whole array leaves a row far below it with only "
                      "zeros, 0/0 again.",
        "overflow": "Subtract each row's maximum (axis=-1, keepdims=True) before exp: the softmax is "
                    "unchanged and no exponent exceeds 0.",
        "ignores_keyword": "causal=True must hide the keys after each query: scores[..., i, j] for j > i "
                           "are left out of the softmax.",
        "mask_error": "Query i sees keys j <= i, itself included: np.tril(np.ones((T, T), dtype=bool)) "
                      "marks what is visible.",
        "wrong_shape": "q @ kᵀ needs the transpose of the last two axes only: np.swapaxes(k, -1, -2), "
                       "not k.T, which reverses every axis of a batched array.",
        "exception": "With leading batch or head dimensions, k.T reverses all of them too: transpose the "
                     "last two axes only, np.swapaxes(k, -1, -2), and reduce over axis=-1.",
    },
)
