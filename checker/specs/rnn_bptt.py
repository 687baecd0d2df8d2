import numpy as np

from checker.spec import Case, Gradient, Kata, Mistake, Value


def rnn(x, h0, Wx, Wh, b):
    h, prev = [], h0
    for t in range(x.shape[1]):
        prev = np.tanh(x[:, t] @ Wx + prev @ Wh + b)
        h.append(prev)
    return np.stack(h, axis=1)


def gradients(dh, x, h0, Wx, Wh, b, upstream="every step", carry=True, dWh_with="previous"):
    """(dx, dh0, dWx, dWh, db) by backpropagation through time, and its classic slips:
    upstream="last step" adds dh[:, t] only at the last step; carry=False passes nothing back from
    h_{t+1} to h_t; dWh_with="current" pairs da_t with h_t instead of h_{t−1}."""
    h = rnn(x, h0, Wx, Wh, b)
    previous = np.concatenate([h0[:, None], h[:, :-1]], axis=1)
    dx, dWx, dWh, db = np.zeros_like(x), np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)
    carried = np.zeros_like(h0)
    last = x.shape[1] - 1
    for t in reversed(range(x.shape[1])):
        upstream_t = dh[:, t] if upstream == "every step" or t == last else 0.0
        da = (upstream_t + carried) * (1.0 - h[:, t] ** 2)
        dx[:, t] = da @ Wx.T
        dWx += x[:, t].T @ da
        dWh += (previous if dWh_with == "previous" else h)[:, t].T @ da
        db += da.sum(axis=0)
        carried = da @ Wh.T if carry else np.zeros_like(h0)
    return dx, da @ Wh.T, dWx, dWh, db


NAMES = ("dx", "dh0", "dWx", "dWh", "db")


def _mistakes(code, variant, message, names=NAMES):
    return tuple(Mistake(code, name, lambda dh, x, h0, Wx, Wh, b, i=NAMES.index(name): gradients(
        dh, x, h0, Wx, Wh, b, **variant)[i], message) for name in names)


def inputs(rng, n, t, d, h):
    """Weights scaled so that the pre-activations are of order 0.5 (tanh neither linear nor
    saturated) and a gradient carried back over T steps neither vanishes nor explodes."""
    scale = 0.8 / np.sqrt(d + h + 1)
    return {"x": rng.standard_normal((n, t, d)), "h0": np.tanh(rng.standard_normal((n, h))),
            "Wx": scale * rng.standard_normal((d, h)), "Wh": 1.5 * scale * rng.standard_normal((h, h)),
            "b": scale * rng.standard_normal(h)}


def draws(rng):
    # T >= 3 everywhere, so a gradient carried back over one step only, or the upstream gradient of
    # the last step only, differs from the truth; D != H, and N, T, D, H distinct in most draws.
    for n, t, d, h in [(1, 3, 2, 4), (2, 4, 5, 3), (3, 5, 2, 4), (4, 3, 6, 5)]:
        yield Case(f"x ({n}, {t}, {d}), h0 ({n}, {h})", inputs(rng, n, t, d, h), batch=n)


KATA = Kata(
    name="rnn_bptt",
    title="A vanilla RNN over a sequence: forward and backpropagation through time",
    topic="recurrent",
    difficulty="medium",
    source="CS231n assignment 3 (rnn_forward, rnn_backward)",
    functions=("rnn_forward", "rnn_backward"),
    checks=(
        Value("rnn_forward", reference=rnn, cases=draws),
        Gradient("rnn_backward", forward=rnn, cases=draws, grads=dict(zip(NAMES, ("x", "h0", "Wx", "Wh", "b"))),
                 mistakes=_mistakes("ignores_upstream", {"upstream": "last step"},
                                    "{var} uses the upstream gradient of the last step only: every hidden state "
                                    "has a loss of its own, so at each step the gradient into h[:, t] is "
                                    "dh[:, t] plus the one carried back from h[:, t+1].")
                 + _mistakes("wrong_gradient", {"carry": False},
                             "{var} stops the gradient at each step: h[:, t] also feeds h[:, t+1], so it "
                             "receives (step t+1's da) @ Wh.T on top of dh[:, t]. Carry it back from the last step "
                             "to the first.", names=("dx", "dWx", "dWh", "db"))
                 + _mistakes("wrong_gradient", {"dWh_with": "current"},
                             "{var} pairs step t's da with h[:, t], the state it produced: Wh multiplies the "
                             "state before it, h[:, t−1] (h0 at the first step), so dWh += h_prev.T @ da.",
                             names=("dWh",))),
    ),
    hints=(
        "Run the forward first and keep every h[:, t]; the state before step t is h0 for t = 0 and "
        "h[:, t−1] after that.",
        "Go back in time, t = T−1 down to 0, carrying the gradient that flows into h[:, t] from the future "
        "(zero at the last step). At step t, the gradient into h[:, t] is dh[:, t] + that carried gradient.",
        "Then the step is rnn_step's backward: da = (dh[:, t] + carried)·(1 − h[:, t]²); dx[:, t] = da @ Wx.T; "
        "add x[:, t].T @ da to dWx, h_prev.T @ da to dWh, da.sum(0) to db; carried = da @ Wh.T.",
        "What is carried past the first step is dh0.",
    ),
    explanations={
        "zero_gradient:dh0": "dh0 is the gradient carried back past the first step: da_0 @ Wh.T.",
        "wrong_shape": "Each gradient has its input's shape: dx (N, T, D), dh0 (N, H), dWx (D, H), dWh (H, H), "
                       "db (H,); the weights' gradients add up over the steps.",
        "exception": "x is (N, T, D): the input of step t is x[:, t], (N, D), and the state h[:, t] is (N, H).",
    },
    prerequisites=("rnn_step",),
)
