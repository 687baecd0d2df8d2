import math

import numpy as np

from checker.numeric import binomial_consistent
from checker.spec import Case, Finding, Kata, Mistake, Outcome, Output, Rng, Value, redraw_until

# Keep rates are judged by an exact tail bound. For n independent Bernoulli(p) draws with rate r,
# Chernoff's bound gives P(r >= q) <= exp(-n KL(q || p)) for every q >= p (and the same below p),
# so rejecting when n KL(r || p) > ln(2 / ALPHA) has a false-alarm probability of at most ALPHA.
# A run makes 9 such tests (3 large draws: whole, first half, second half); ALPHA = 1e-11 per test
# bounds the false alarm of the whole check by 9e-11 <= 1e-9 (union bound). The exact checks
# (out = x * mask / p, one mask for one seed, p = 1) cannot fail a correct answer; two seeds give
# the same 30000-entry mask at p = 0.7 with probability 0.58^30000.
ALPHA = 1e-11
THRESHOLD = math.log(2 / ALPHA)

# (label, shape, p). Several p, none of them 1/2, so a p used as the drop probability shows.
LARGE = [("x (400, 250), p=0.8", (400, 250), 0.8), ("x (100000,), p=0.3", (100000,), 0.3),
         ("x (40, 50, 50), p=0.95", (40, 50, 50), 0.95)]
SMALL = [("x (4, 6), p=0.6", (4, 6), 0.6), ("x (3, 1, 5), p=0.25", (3, 1, 5), 0.25),
         ("x (2, 1, 3, 4), p=0.45", (2, 1, 3, 4), 0.45), ("x (2, 3), p=1", (2, 3), 1.0)]
TWIN = ("x (200, 150), p=0.7", (200, 150), 0.7)
REPLAY, OTHER_SEED = f"{TWIN[0]}, same seed again", f"{TWIN[0]}, another seed"


def rate_fits(kept: int, n: int, p: float) -> bool:
    return binomial_consistent(kept, n, p, false_alarm=ALPHA)


def band(n: int, p: float) -> float:
    """About how far a fair keep rate may stray from p at this n (for the messages)."""
    return math.sqrt(2 * p * (1 - p) * THRESHOLD / n)


def forward_cases(rng):
    seeds = rng.choice(2**31, size=len(LARGE) + len(SMALL) + 2, replace=False).tolist()
    for label, shape, p in LARGE:
        yield Case(label, {"x": rng.standard_normal(shape), "p": p, "rng": Rng(seeds.pop())},
                   context={"rate": True})
    x = rng.standard_normal(TWIN[1])
    seed = seeds.pop()
    yield Case(TWIN[0], {"x": x, "p": TWIN[2], "rng": Rng(seed)})
    yield Case(REPLAY, {"x": x.copy(), "p": TWIN[2], "rng": Rng(seed)})
    yield Case(OTHER_SEED, {"x": x.copy(), "p": TWIN[2], "rng": Rng(seeds.pop())})
    for label, shape, p in SMALL:
        yield Case(label, {"x": rng.standard_normal(shape), "p": p, "rng": Rng(seeds.pop())})


# --- judging the forward -------------------------------------------------------------------------

def read(case, value):
    """(out, mask as float) or a Finding saying what is wrong with the returned value."""
    name = "returns (out, mask) of x's shape"
    shape = case.args["x"].shape

    def wrong(code, message):
        return Finding(name, False, case.label, code, f"{message} ({case.label}).")
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        kind = getattr(value, "type_name", type(value).__name__).rsplit(".", 1)[-1]
        what = "one array" if isinstance(value, np.ndarray) else f"a {kind}"
        return wrong("returned_none" if value is None else "wrong_type",
                     f"returned {what}; expected the tuple (out, mask)")
    out, mask = value
    for what, array in (("out", out), ("mask", mask)):
        if not isinstance(array, np.ndarray):
            kind = getattr(array, "type_name", type(array).__name__).rsplit(".", 1)[-1]
            return wrong("wrong_type", f"{what} is a {kind}; expected a numpy array")
        if array.shape != shape:
            return wrong("wrong_shape", f"{what} has shape {array.shape}; expected x's shape {shape}")
    if out.dtype != np.float64:
        return wrong("wrong_type", f"out has dtype {out.dtype}; expected float64")
    if mask.dtype.kind not in "biuf":
        return wrong("wrong_type", f"mask has dtype {mask.dtype}; expected bool or a number type")
    return out, mask.astype(np.float64)


def mask_finding(cases, read_values):
    name = "mask holds only 0 and 1"
    for case, (_, mask) in zip(cases, read_values):
        p = case.args["p"]
        if np.all((mask == 0) | (mask == 1)):
            continue
        if np.allclose(mask[mask != 0], 1 / p, rtol=1e-12):
            return Finding(name, False, case.label, "mask_error",
                           f"mask holds 0 and 1/p ({1 / p:g} for p={p:g}, {case.label}): it is scaled. Keep "
                           "the mask 0/1 and divide only out by p: out = x * mask / p.")
        odd = mask[(mask != 0) & (mask != 1)].flat[0]
        return Finding(name, False, case.label, "mask_error",
                       f"mask holds values other than 0 and 1, such as {odd:g} ({case.label}): each entry "
                       "says keep (1) or drop (0).")
    return Finding(name, True)


def rate_finding(cases, read_values):
    name = "keep rate matches p (Chernoff bound, false alarm ≤ 1e-9)"
    rates = []
    for case, (_, mask) in zip(cases, read_values):
        p, n = case.args["p"], mask.size
        kept = int(np.count_nonzero(mask))
        if not case.context.get("rate") and p != 1:
            continue
        rates.append(f"p={p:g}: {kept / n:.4f}")
        if rate_fits(kept, n, p):
            continue
        detail = f"{kept / n:.4f} with p={p:g}"
        if p == 1:
            return Finding(name, False, detail, "wrong_value",
                           f"drops {n - kept} of {n} entries with p=1 ({case.label}): p=1 keeps every entry.")
        if rate_fits(n - kept, n, p):
            return Finding(name, False, detail, "wrong_value",
                           f"keeps {kept / n:.1%} of the entries with p={p:g} ({case.label}), about 1 - p: "
                           "p is the probability to keep an entry, not to drop it.")
        return Finding(name, False, detail, "wrong_value",
                       f"keeps {kept / n:.1%} of the entries with p={p:g} ({case.label}); a Bernoulli(p) "
                       f"mask keeps p ± {band(n, p):.2%} of {n} entries.")
    return Finding(name, True, "; ".join(rates))


def output_finding(cases, read_values):
    name = "out = x * mask / p with your mask"
    factors = []
    for case, (out, mask) in zip(cases, read_values):
        x, p = case.args["x"], case.args["p"]
        if not np.all(np.isfinite(out)):
            return Finding(name, False, case.label, "non_finite",
                           f"out has {np.count_nonzero(~np.isfinite(out))} NaN or inf entries ({case.label}).")
        expected = x * mask / p
        if np.allclose(out, expected, rtol=1e-12, atol=0):
            continue
        kept = mask != 0
        if np.any(out[~kept] != 0):
            return Finding(name, False, case.label, "wrong_value",
                           f"out is not zero where your mask is 0 ({np.count_nonzero(out[~kept])} entries, "
                           f"{case.label}): a dropped entry outputs 0.")
        ratio = out[kept] / expected[kept]
        factor = float(np.median(ratio)) if ratio.size else 1.0
        if not np.allclose(ratio, factor, rtol=1e-9):
            worst = int(np.argmax(np.abs(out - expected)))
            return Finding(name, False, case.label, "wrong_value",
                           f"out is not x * mask / p on the kept entries ({case.label}): at flat index {worst}, "
                           f"yours {out.flat[worst]:.6g}, expected {expected.flat[worst]:.6g}.")
        factors.append((case, factor))
    if not factors:
        return Finding(name, True)
    case, factor = factors[0]
    p = case.args["p"]
    if all(math.isclose(f, c.args["p"], rel_tol=1e-9) for c, f in factors):
        message = (f"out is x * mask, without the division by p: kept entries are {p:g}× too small "
                   f"({case.label}), so E[out] = p·x instead of x.")
    elif all(math.isclose(f, c.args["p"] / (1 - c.args["p"]), rel_tol=1e-9) for c, f in factors):
        message = f"out divides by 1 - p instead of p ({case.label}): p is the probability to keep."
    else:
        message = f"out is {factor:.6g}× x * mask / p on every kept entry ({case.label})."
    return Finding(name, False, f"×{factor:.4g} ({case.label})", "constant_scale", message)


def replay_finding(cases, read_values):
    name = "mask reproducible from rng's seed"
    masks = {case.label: mask != 0 for case, (_, mask) in zip(cases, read_values)}
    first, again, other = masks[TWIN[0]], masks[REPLAY], masks[OTHER_SEED]
    if not np.array_equal(first, again):
        differ = int(np.count_nonzero(first != again))
        return Finding(name, False, f"{differ} of {first.size} entries differ", "ignores_rng",
                       f"two calls given generators built from the same seed returned different masks "
                       f"({differ} of {first.size} entries differ): the mask is not drawn from rng.")
    if np.array_equal(first, other):
        return Finding(name, False, "the same mask for two seeds", "ignores_rng",
                       "generators built from two different seeds gave the same mask: the mask does not "
                       "come from rng (a generator or seed of your own inside the function?).")
    return Finding(name, True)


def spread_finding(cases, read_values):
    name = "kept entries spread over x"
    for case, (_, mask) in zip(cases, read_values):
        if not case.context.get("rate"):
            continue
        p, flat = case.args["p"], mask.ravel()
        halves = flat[:flat.size // 2], flat[flat.size // 2:]
        if all(rate_fits(int(np.count_nonzero(h)), h.size, p) for h in halves):
            continue
        first, second = (float(np.mean(h != 0)) for h in halves)
        return Finding(name, False, f"halves keep {first:.3f} and {second:.3f} ({case.label})", "mask_error",
                       f"the kept entries are not spread over x at random: the first half keeps "
                       f"{first:.1%} of its entries and the second half {second:.1%}, with p={p:g} "
                       f"({case.label}). Each entry is kept independently.")
    return Finding(name, True)


def assess_forward(cases, values):
    read_values = []
    for case, value in zip(cases, values):
        result = read(case, value)
        if isinstance(result, Finding):
            return [result]
        read_values.append(result)
    findings = [Finding("returns (out, mask) of x's shape", True), mask_finding(cases, read_values)]
    if not findings[-1].passed:
        return findings
    return findings + [f(cases, read_values) for f in (rate_finding, output_finding, replay_finding,
                                                       spread_finding)]


# --- the backward -------------------------------------------------------------------------------

def dropout_backward(dout, mask, p):
    return dout * mask / p


MADE = [("(5, 4)", (5, 4), 0.7, bool), ("(3, 2, 4)", (3, 2, 4), 0.4, float), ("(7,)", (7,), 0.9, float),
        ("(1, 6)", (1, 6), 0.5, bool)]


def made_masks(rng):
    """Masks the check makes, bool and float, each with kept and dropped entries."""
    for label, shape, p, kind in MADE:
        mask = redraw_until(lambda: rng.random(shape) < p, lambda m: m.any() and not m.all())
        yield Case(f"dout {label}, {kind.__name__} mask, p={p:g}",
                   {"dout": rng.standard_normal(shape), "mask": mask.astype(kind), "p": p})


def own_masks(rng):
    """dout for the masks your own forward returned on its small draws, and on a large one."""
    for label, shape, p in SMALL + LARGE[:1]:
        yield Case(f"your mask of {label}", {"dout": rng.standard_normal(shape),
                                             "mask": Output("dropout_forward", label, 1), "p": p})


def assess_routing(cases, values):
    """dx is zero exactly where the mask drops an entry (dout has no zeros)."""
    name = "dx is zero exactly where the mask drops"
    for case, dx in zip(cases, values):
        dout, mask, p = case.args["dout"], case.args["mask"] != 0, case.args["p"]
        if not isinstance(dx, np.ndarray) or dx.shape != dout.shape or dx.dtype.kind not in "biuf":
            return [Finding(name, False, f"not an array of dout's shape ({case.label})")]
        flows = dx != 0
        if np.array_equal(flows, mask):
            continue
        used = np.asarray(dx, dtype=np.float64) * p / dout
        if np.allclose(used, np.round(used), rtol=0, atol=1e-9) and np.all(np.isin(np.round(used), (0, 1))):
            if np.array_equal(flows, ~mask):
                message = f"dx flows exactly where the mask drops and is 0 where it keeps ({case.label}): " \
                          "the mask is inverted (1 - mask)."
            else:
                agree = float(np.mean(flows == mask))
                message = (f"dx = dout * m / p for a 0/1 array m that is not the mask you were given: it agrees "
                           f"with that mask on {agree:.0%} of the entries ({case.label}). Did you draw a new "
                           "mask in the backward? Use the mask argument.")
        elif np.any(flows & ~mask):
            message = (f"dx is not zero where the mask drops an entry ({np.count_nonzero(flows & ~mask)} of "
                       f"{np.count_nonzero(~mask)}, {case.label}): no gradient flows through a dropped entry.")
        else:
            message = (f"dx is zero where the mask keeps an entry ({np.count_nonzero(mask & ~flows)} of "
                       f"{np.count_nonzero(mask)}, {case.label}): the gradient flows through every kept entry.")
        return [Finding(name, False, case.label, "mask_error", message)]
    return [Finding(name, True)]


BACKWARD_MISTAKES = (
    Mistake("constant_scale", "dx", lambda dout, mask, p: dout * mask,
            "{var} = dout * mask: the forward divides by p, so the backward does too, "
            "d out / d x = mask / p."),
    Mistake("constant_scale", "dx", lambda dout, mask, p: dout * mask * p,
            "{var} multiplies by p where the forward divides by it: dx = dout * mask / p."),
)

KATA = Kata(
    name="dropout",
    title="Inverted dropout: forward and backward",
    topic="layers",
    difficulty="easy",
    prerequisites=("relu_backward",),
    source="CS231n assignment 2 (dropout_forward, dropout_backward); Srivastava et al. 2014",
    functions=("dropout_forward", "dropout_backward"),
    checks=(
        Outcome("dropout_forward", forward_cases, assess_forward),
        Outcome("dropout_backward", made_masks, assess_routing),
        Value("dropout_backward", reference=dropout_backward, cases=made_masks, outputs=("dx",),
              mistakes=BACKWARD_MISTAKES),
        Value("dropout_backward", reference=dropout_backward, cases=own_masks, outputs=("dx",),
              mistakes=BACKWARD_MISTAKES),
    ),
    hints=(
        "Draw one uniform number per entry from the generator you are given and keep the entry where "
        "it falls below p: p is the probability to keep.",
        "The mask is 0/1; the 1/p goes into out = x * mask / p, so that E[out] = x.",
        "Backward: with the mask fixed, out is x times the constant mask / p, entry by entry, so "
        "dx = dout * mask / p, with the mask the forward returned (never a new one).",
    ),
    explanations={
        "ignores_rng": "Draw the mask from the generator you are given, e.g. rng.random(x.shape) < p or "
                       "rng.binomial(1, p, size=x.shape): then a run is reproducible from its seed. "
                       "np.random.* draws from a hidden global state, and a generator made inside the "
                       "function ignores the caller's seed.",
        "wrong_value": "p is the probability to keep an entry; the output of a kept entry is x / p and of "
                       "a dropped one 0.",
        "constant_scale": "Inverted dropout scales by 1/p once, in the forward: out = x * mask / p, so "
                          "E[out] = x. The backward follows the same rule: dx = dout * mask / p.",
        "mask_error": "The mask is 0/1 (keep or drop), drawn once in the forward; the backward routes "
                      "dout through exactly the entries that mask kept, scaled by 1/p.",
    },
)
