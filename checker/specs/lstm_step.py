import itertools

import numpy as np

from checker.spec import Case, Gradient, Kata, Mistake, Value
from checker.specs._lstm_step_child import backward_of_packed

ORDER = "ifog"  # the task's order of the four blocks of a
GATE_NAMES = {"i": "input gate i", "f": "forget gate f", "o": "output gate o", "g": "candidate g"}


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def gates(x, prev_h, Wx, Wh, b, order=ORDER):
    """{gate: activation}, block k of a read as gate order[k]."""
    a = x @ Wx + prev_h @ Wh + b
    h = a.shape[1] // 4
    blocks = {gate: a[:, k * h:(k + 1) * h] for k, gate in enumerate(order)}
    return {gate: np.tanh(block) if gate == "g" else sigmoid(block) for gate, block in blocks.items()}


def lstm(x, prev_h, prev_c, Wx, Wh, b, order=ORDER):
    act = gates(x, prev_h, Wx, Wh, b, order)
    next_c = act["f"] * prev_c + act["i"] * act["g"]
    return act["o"] * np.tanh(next_c), next_c


def lstm_packed(x, prev_h, prev_c, Wx, Wh, b):
    """The forward the gradient check differentiates: (next_h, next_c) stacked into one (2, N, H)
    array, so that one upstream array holds dnext_h (its [0]) and dnext_c (its [1])."""
    return np.stack(lstm(x, prev_h, prev_c, Wx, Wh, b))


def gradients(dout, x, prev_h, prev_c, Wx, Wh, b, order=ORDER, stack=None, use_dnext_c=True,
              tanh_slope=True):
    """(dx, dprev_h, dprev_c, dWx, dWh, db) of lstm(order), and slips: ``stack`` puts the gate
    gradients into the blocks of da in another order than the forward read them; use_dnext_c=False
    drops dnext_c; tanh_slope=False forgets the 1 − tanh²(next_c) on the way from next_h to next_c."""
    dnext_h, dnext_c = dout[0], dout[1]
    act = gates(x, prev_h, Wx, Wh, b, order)
    i, f, o, g = act["i"], act["f"], act["o"], act["g"]
    tanh_c = np.tanh(f * prev_c + i * g)
    dc = (dnext_c if use_dnext_c else 0.0) + dnext_h * o * ((1.0 - tanh_c ** 2) if tanh_slope else 1.0)
    local = {"i": dc * g * i * (1 - i), "f": dc * prev_c * f * (1 - f), "o": dnext_h * tanh_c * o * (1 - o),
             "g": dc * i * (1 - g ** 2)}
    da = np.hstack([local[gate] for gate in (stack or order)])
    return da @ Wx.T, da @ Wh.T, dc * f, x.T @ da, prev_h.T @ da, da.sum(axis=0)


NAMES = ("dx", "dprev_h", "dprev_c", "dWx", "dWh", "db")
INPUTS = ("x", "prev_h", "prev_c", "Wx", "Wh", "b")


def _mistakes(code, variant, message, names=NAMES):
    return tuple(Mistake(code, name, lambda dout, x, prev_h, prev_c, Wx, Wh, b, i=NAMES.index(name): gradients(
        dout, x, prev_h, prev_c, Wx, Wh, b, **variant)[i], message) for name in names)


def _h(k):
    """k·H as a slice bound is written: 0, H, 2H, ..."""
    return {0: "0", 1: "H"}.get(k, f"{k}H")


def _blocks(order):
    return ", ".join(f"{gate} = a[:, {_h(k)}:{_h(k + 1)}]" for k, gate in enumerate(order))


def _stacking_mistakes():
    """Every exchange of two gate gradients in da (the forward right): says which blocks are wrong."""
    found = []
    for first, second in itertools.combinations(ORDER, 2):
        stack = ORDER.replace(first, "_").replace(second, first).replace("_", second)
        k1, k2 = ORDER.index(first), ORDER.index(second)
        message = (f"{{var}} has the gradients of the {GATE_NAMES[first]} and the {GATE_NAMES[second]} in each "
                   f"other's place: da stacks them as {', '.join(stack)}, but the forward reads a as "
                   f"{', '.join(ORDER)}, so block {k1} of da (columns {_h(k1)}:{_h(k1 + 1)}) must hold d{first} and "
                   f"block {k2} d{second}: np.hstack([di, df, do, dg]).")
        found.extend(_mistakes("wrong_gradient", {"stack": stack}, message))
    return tuple(found)


def _forward_order_mistake(order):
    message = (f"{{var}} reads the blocks of a as {', '.join(order)} ({_blocks(order)}); the task's order is "
               f"i, f, o, g: {_blocks(ORDER)}.")
    return (Mistake("wrong_value", "next_h", lambda *args, o=order: lstm(*args, order=o)[0], message),
            Mistake("wrong_value", "next_c", lambda *args, o=order: lstm(*args, order=o)[1], message))


# Orders a candidate brings from elsewhere: PyTorch's i, f, g, o, and TensorFlow/Keras' i, f, c(g), o too;
# i, g, f, o of some textbooks.
OTHER_ORDERS = ("ifgo", "igfo", "fiog")


def _order_mistakes():
    found = []
    for order in OTHER_ORDERS:
        wrong = [f"{GATE_NAMES[gate]} (block {k})" for k, gate in enumerate(order) if gate != ORDER[k]]
        message = (f"{{var}} comes from reading the blocks of a as {', '.join(order)}, in the forward and the "
                   f"backward alike: the gradients of {' and '.join(wrong)} are in the wrong blocks. The task's "
                   f"order is i, f, o, g.")
        found.extend(_mistakes("wrong_gradient", {"order": order, "stack": order}, message))
    return tuple(found)


def inputs(rng, n, d, h):
    """Weights scaled so that every pre-activation is of order 0.5 to 1: each gate in its active
    range (σ between about 0.2 and 0.8, g between -0.8 and 0.8), neither saturated nor linear."""
    scale = 0.7 / np.sqrt(d + h + 1)
    return {"x": rng.standard_normal((n, d)), "prev_h": np.tanh(rng.standard_normal((n, h))),
            "prev_c": rng.standard_normal((n, h)), "Wx": scale * rng.standard_normal((d, 4 * h)),
            "Wh": scale * rng.standard_normal((h, 4 * h)), "b": scale * rng.standard_normal(4 * h)}


def draws(rng):
    # D != H and 4H != D, so a transpose changes a shape; N = 1 included.
    for n, d, h in [(1, 3, 2), (3, 5, 4), (4, 2, 3), (2, 6, 5)]:
        yield Case(f"x ({n}, {d}), prev_h ({n}, {h})", inputs(rng, n, d, h), batch=n)


KATA = Kata(
    name="lstm_step",
    title="One step of an LSTM: forward and backward",
    topic="recurrent",
    difficulty="hard",
    source="Hochreiter & Schmidhuber (1997); CS231n assignment 3 (lstm_step_forward, lstm_step_backward)",
    functions=("lstm_step_forward", "lstm_step_backward"),
    checks=(
        Value("lstm_step_forward", reference=lstm, cases=draws, outputs=("next_h", "next_c"),
              mistakes=tuple(m for order in OTHER_ORDERS for m in _forward_order_mistake(order))),
        Gradient("lstm_step_backward", forward=lstm_packed, cases=draws, grads=dict(zip(NAMES, INPUTS)),
                 driver=backward_of_packed,
                 mistakes=_order_mistakes() + _stacking_mistakes()
                 + _mistakes("ignores_upstream", {"use_dnext_c": False},
                             "{var} leaves out dnext_c: next_c reaches the loss directly too (it is the next "
                             "step's prev_c), so dc = dnext_c + dnext_h·o·(1 − tanh²(next_c)).",
                             names=("dx", "dprev_h", "dprev_c", "dWx", "dWh", "db"))
                 + _mistakes("wrong_gradient", {"tanh_slope": False},
                             "{var} goes from next_h to next_c without tanh': next_h = o·tanh(next_c), so "
                             "next_c receives dnext_h·o·(1 − tanh²(next_c)).")),
    ),
    hints=(
        "Forward: a = x @ Wx + prev_h @ Wh + b, then i, f, o, g = a[:, :H], a[:, H:2H], a[:, 2H:3H], a[:, 3H:] "
        "through sigmoid, sigmoid, sigmoid, tanh. Recompute them in the backward.",
        "next_c gets gradient from two places: dnext_c directly, and dnext_h·o·(1 − tanh²(next_c)) through "
        "next_h. Call the sum dc; then dprev_c = dc·f.",
        "The gates' gradients: do = dnext_h·tanh(next_c), df = dc·prev_c, di = dc·g, dg = dc·i; through the "
        "nonlinearities, multiply by σ(1 − σ) or 1 − g².",
        "Stack them in the forward's order, da = np.hstack([da_i, da_f, da_o, da_g]) (N, 4H); then as in "
        "rnn_step: dx = da @ Wx.T, dprev_h = da @ Wh.T, dWx = x.T @ da, dWh = prev_h.T @ da, db = da.sum(0).",
    ),
    explanations={
        "wrong_shape": "Each gradient has its input's shape: dWx (D, 4H) = x.T @ da with da (N, 4H), dWh "
                       "(H, 4H), db (4H,), dprev_c (N, H).",
        "exception": "Write the shapes beside each line: a and da are (N, 4H), each gate (N, H); D != H here.",
        "overflow": "Compute the sigmoid without overflow: 1/(1 + exp(-z)) overflows for z below about -709; "
                    "0.5·(1 + tanh(z/2)) does not.",
    },
    prerequisites=("rnn_step",),
)
