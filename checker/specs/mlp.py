import numpy as np

from checker.spec import Case, Grad, Kata, Loss, LossAndGrads, Mistake, redraw_until

MAX_DEPTH = 4  # the deepest net drawn: mistakes are named for layers up to this


def hidden_preactivations(params, x):
    """z_l of every layer but the last, each (N, D_{l+1})."""
    found, a = [], x
    for W, b in params[:-1]:
        found.append(a @ W + b)
        a = np.maximum(found[-1], 0.0)
    return found


def scores_of(params, x, relu_last=False):
    a = x
    for W, b in params[:-1]:
        a = np.maximum(a @ W + b, 0.0)
    scores = a @ params[-1][0] + params[-1][1]
    return np.maximum(scores, 0.0) if relu_last else scores


def loss(params, x, labels, relu_last=False):
    # log-sum-exp by logaddexp: exact for scores of any size, no shift needed.
    scores = scores_of(params, x, relu_last)
    return float(np.mean(np.logaddexp.reduce(scores, axis=1) - scores[np.arange(len(labels)), labels]))


def gradients(params, x, labels, relu_last=False, dW_from_preactivation=False):
    """What a backward pass returns, right or with one of the classic slips: a ReLU on the scores
    too, or each dW_l computed from layer l's input before its ReLU (z_{l-1} instead of a_l)."""
    inputs, pre = [x], [x]
    for W, b in params[:-1]:
        pre.append(inputs[-1] @ W + b)
        inputs.append(np.maximum(pre[-1], 0.0))
    z = inputs[-1] @ params[-1][0] + params[-1][1]
    scores = np.maximum(z, 0.0) if relu_last else z
    p = np.exp(scores - np.logaddexp.reduce(scores, axis=1, keepdims=True))
    p[np.arange(len(labels)), labels] -= 1.0
    dz = p / len(labels) * ((z > 0) if relu_last else 1.0)
    grads = []
    for layer in reversed(range(len(params))):
        a = pre[layer] if dW_from_preactivation else inputs[layer]
        grads.append((a.T @ dz, dz.sum(axis=0)))
        dz = (dz @ params[layer][0].T) * (inputs[layer] > 0)
    return grads[::-1]


def layer_name(layer, depth):
    """Hidden layers by number, the output layer by its role: the depth changes from draw to draw, and
    a slip in the output layer (no ReLU there) is then one variable on every draw, not dW0 on one and
    dW3 on another."""
    return "_out" if layer == depth - 1 else str(layer)


def returns(case):
    """(loss, [(dW0, db0), ..., (dW_out, db_out)]) for this draw's depth; leaves found by their path."""
    depth = len(case.args["params"])
    return (Loss(), [tuple(Grad(f"d{kind}{layer_name(layer, depth)}", "params", layer, slot)
                           for slot, kind in enumerate("Wb")) for layer in range(depth)])


def off_the_kinks(args, margin=0.05):
    """No hidden unit within ``margin`` of its kink (50 times any step of a difference), and in every
    hidden layer some units on and some off: a dead layer would zero every gradient below it, and a
    layer with no unit off would not test the mask."""
    for z in hidden_preactivations(args["params"], args["x"]):
        if np.any(np.abs(z) <= margin) or np.all(z < 0) or np.all(z > 0):
            return False
    return True


def random_net(rng, n, widths):
    params = [(rng.standard_normal((d_in, d_out)) * np.sqrt(2.0 / d_in), 0.5 * rng.standard_normal(d_out))
              for d_in, d_out in zip(widths[:-1], widths[1:])]
    return {"params": params, "x": rng.standard_normal((n, widths[0])),
            "labels": rng.integers(0, widths[-1], size=n)}


def extreme_net(rng, depth):
    """Scores near +1000 in even rows and near -1000 in odd rows, a few units apart within a row.

    The first input is ±10 by row. Depth 1: W[0] ≈ 100 gives ±1000. Depth 2: hidden unit 0 is
    z = 5·x_0 + ..., so 50 in even rows and dead (about -50) in odd ones; W2[0] ≈ 40 lifts the even
    rows by 2000 over a bias of -1000. Every factor stays moderate, so no entry's gradient is steep.
    """
    n, d, hidden, c = 4, 3, 4, 5
    sign = np.where(np.arange(n) % 2 == 0, 1.0, -1.0)
    x = rng.standard_normal((n, d))
    x[:, 0] = 10.0 * sign
    labels = rng.integers(0, c, size=n)
    if depth == 1:
        W = 0.5 * rng.standard_normal((d, c))
        W[0] = 100.0 + 0.3 * rng.standard_normal(c)
        return {"params": [(W, 0.5 * rng.standard_normal(c))], "x": x, "labels": labels}
    W1 = 0.5 * rng.standard_normal((d, hidden))
    W1[0] = 0.1 * rng.standard_normal(hidden)
    W1[0, 0] = 5.0
    W2 = 0.5 * rng.standard_normal((hidden, c))
    W2[0] = 40.0 + 0.06 * rng.standard_normal(c)
    b2 = -1000.0 + 0.5 * rng.standard_normal(c)
    return {"params": [(W1, 0.5 * rng.standard_normal(hidden)), (W2, b2)], "x": x, "labels": labels}


def draws(rng):
    # The deepest net first: it is the draw whose own loss is probed, and it names every layer.
    # N differs from every width, so a bias gradient summed over the wrong axis has the wrong shape.
    for n, widths in [(4, (3, 5, 2, 6, 7)), (1, (3, 4)), (6, (5, 7, 3)), (5, (4, 6, 3, 2))]:
        args = redraw_until(lambda: random_net(rng, n, widths), off_the_kinks)
        yield Case(f"N={n}, widths {widths} ({len(widths) - 1} layer{'s' if len(widths) > 2 else ''})",
                   args, batch=n)
    for depth in (1, 2):
        args = redraw_until(lambda: extreme_net(rng, depth), off_the_kinks)
        yield Case(f"scores near ±1000, {depth} layer{'s' if depth > 1 else ''}", args, batch=4, stability=True)


def _layer_mistakes(code, keyword, names, message, first=0):
    """The mistake for each named leaf: layers ``first`` to MAX_DEPTH - 2 by number, and the output layer."""
    layers = [(str(layer), layer) for layer in range(first, MAX_DEPTH - 1)] + [("_out", -1)]
    return tuple(Mistake(code, f"d{kind}{suffix}",
                         lambda params, x, labels, layer=layer, slot=slot: gradients(
                             params, x, labels, **{keyword: True})[layer][slot], message)
                 for suffix, layer in layers for slot, kind in enumerate("Wb") if kind in names)


RELU_LAST = ("{var} comes from a net with a ReLU after the last layer too: the scores go into the softmax as "
             "they are, negative ones included.")

KATA = Kata(
    name="mlp",
    title="Loss and gradients of a ReLU network of any depth",
    topic="networks",
    difficulty="medium",
    prerequisites=("linear_backward", "relu_backward", "softmax_cross_entropy"),
    source="CS231n assignment 2 (FullyConnectedNet); micrograd's MLP; every ML-engineer interview",
    functions=("mlp",),
    checks=(
        LossAndGrads("mlp", loss=loss, cases=draws, returns=returns,
                     mistakes=(Mistake("wrong_value", "loss",
                                       lambda params, x, labels: loss(params, x, labels, relu_last=True), RELU_LAST),)
                     + _layer_mistakes("wrong_value", "relu_last", "Wb", RELU_LAST)
                     + _layer_mistakes("wrong_gradient", "dW_from_preactivation", "W", first=1, message=
                                       "{var} multiplies by the layer's input before its ReLU, z = a @ W + b of the "
                                       "layer below: dW_l = a_lᵀ dz uses a_l = max(z, 0), the input the layer "
                                       "actually saw.")),
    ),
    hints=(
        "Keep every layer's input a_l on the way up; on the way down each layer needs its own a_l and "
        "the gradient dz of its output.",
        "Softmax cross-entropy has the gradient (softmax(scores) − onehot(labels)) / N w.r.t. the scores: "
        "the 1/N of the mean is taken there, once.",
        "For a layer z = a @ W + b: dW = a.T @ dz, db = dz.sum(axis=0), da = dz @ W.T; through the ReLU "
        "below it, dz = da * (a > 0).",
        "Loop over reversed(range(len(params))), append (dW, db) and reverse the list at the end; stop "
        "before applying a ReLU's mask to x itself.",
    ),
    explanations={
        "batch_scale": "The loss is a mean over the batch, so dscores = (p − onehot) / N: the 1/N is taken "
                       "once, at the top, and every gradient below carries it.",
        "batch_scale:loss": "The loss is the mean over the batch: divide the summed cross-entropy by N.",
        "constant_scale": "{var} is off by a constant factor: every layer's dW is a_lᵀ dz and db is Σ_n dz, "
                          "the output layer's included, with no factor of its own.",
        "wrong_shape": "Each gradient has the shape of its parameter; a bias is shared by every row of the "
                       "batch, so its gradient sums over axis 0.",
        "wrong_type": "Return (loss, grads) with grads a list of (dW, db) tuples, one per layer, in the order "
                      "of params: grads[l] = (dW_l, db_l).",
        "non_finite": "A row of scores far below the largest (−1000 next to +1000) underflows to all zeros if "
                      "you subtract one maximum for the whole batch: subtract each row's own maximum "
                      "(axis=1, keepdims=True), and take log p = shifted − log Σ exp(shifted).",
        "overflow": "exp of a score near 1000 overflows: subtract each row's maximum first.",
        "wrong_gradient": "Derive {var} again layer by layer: dz of a hidden layer is (dz_above @ W_aboveᵀ) "
                          "masked where that layer's pre-activation z is positive, and dW_l = a_lᵀ dz with "
                          "a_l the layer's input.",
    },
)
