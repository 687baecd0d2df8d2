import numpy as np

from checker.spec import Case, Gradient, Kata, Mistake, Value


def rnn_step(x, prev_h, Wx, Wh, b):
    return np.tanh(x @ Wx + prev_h @ Wh + b)


def gradients(dnext_h, x, prev_h, Wx, Wh, b, slope=None):
    """(dx, dprev_h, dWx, dWh, db) with da = dnext_h·slope(a, next_h); the truth is 1 − next_h²."""
    a = x @ Wx + prev_h @ Wh + b
    next_h = np.tanh(a)
    da = dnext_h * (slope(a, next_h) if slope else 1.0 - next_h ** 2)
    return da @ Wx.T, da @ Wh.T, x.T @ da, prev_h.T @ da, da.sum(axis=0)


NAMES = ("dx", "dprev_h", "dWx", "dWh", "db")


def _mistakes(code, slope, message):
    return tuple(Mistake(code, name, lambda dnext_h, x, prev_h, Wx, Wh, b, i=i: gradients(
        dnext_h, x, prev_h, Wx, Wh, b, slope)[i], message) for i, name in enumerate(NAMES))


def inputs(rng, n, d, h):
    """Weights scaled so that the pre-activations are of order 0.5: tanh neither linear nor
    saturated, so a wrong tanh' (1 − a², or none at all) differs on every entry."""
    scale = 0.8 / np.sqrt(d + h + 1)
    return {"x": rng.standard_normal((n, d)), "prev_h": np.tanh(rng.standard_normal((n, h))),
            "Wx": scale * rng.standard_normal((d, h)), "Wh": scale * rng.standard_normal((h, h)),
            "b": scale * rng.standard_normal(h)}


def draws(rng):
    # D != H and N differs from both, so a missing or extra transpose changes a shape.
    for n, d, h in [(1, 3, 4), (4, 5, 3), (3, 2, 5), (5, 4, 6)]:
        yield Case(f"x ({n}, {d}), prev_h ({n}, {h})", inputs(rng, n, d, h), batch=n)


KATA = Kata(
    name="rnn_step",
    title="One step of a vanilla RNN: forward and backward",
    topic="recurrent",
    difficulty="easy",
    source="CS231n assignment 3 (rnn_step_forward, rnn_step_backward)",
    functions=("rnn_step_forward", "rnn_step_backward"),
    checks=(
        Value("rnn_step_forward", reference=rnn_step, cases=draws),
        Gradient("rnn_step_backward", forward=rnn_step, cases=draws, grads=dict(zip(NAMES, (
                     "x", "prev_h", "Wx", "Wh", "b"))),
                 mistakes=_mistakes("output_for_input", lambda a, out: 1.0 - a ** 2,
                                    "{var} uses 1 − a² with a the pre-activation: tanh'(a) = 1 − tanh(a)², "
                                    "so square next_h, the output, not a.")
                 + _mistakes("wrong_gradient", lambda a, out: 1.0 - out,
                             "{var} uses 1 − tanh(a) for the derivative of tanh: it is 1 − tanh(a)², "
                             "1 − next_h**2.")
                 + _mistakes("wrong_gradient", lambda a, out: np.ones_like(a),
                             "{var} skips the tanh: da = dnext_h·(1 − next_h²) comes before the products "
                             "with the weights and inputs.")),
    ),
    hints=(
        "Name the pre-activation a = x @ Wx + prev_h @ Wh + b; next_h = tanh(a). Go back through the tanh "
        "first: da = dnext_h·(1 − next_h²).",
        "a is an affine function of each input: dx = da @ Wx.T, dprev_h = da @ Wh.T, dWx = x.T @ da, "
        "dWh = prev_h.T @ da, db = da summed over the batch.",
    ),
    explanations={
        "wrong_shape": "Each gradient has its input's shape: dWx is (D, H) = x.T @ da, dWh is (H, H) = "
                       "prev_h.T @ da, db is (H,) = da.sum(axis=0).",
        "transposed": "Check the order of each product: dWx = x.T @ da is (D, H), like Wx.",
        "exception": "Write the shapes beside each product: x (N, D), prev_h (N, H), Wx (D, H), Wh (H, H), "
                     "da (N, H); D != H here.",
    },
)
