import numpy as np

from checker.spec import Case, Grad, Kata, LossAndGrads, Loss, Mistake, redraw_until

NAMES = ("W1", "b1", "W2", "b2")


def loss(params, x, t):
    hidden = 0.5 * (1.0 + np.tanh(0.5 * (x @ params["W1"] + params["b1"])))
    scores = hidden @ params["W2"] + params["b2"]
    log_norm = np.logaddexp.reduce(scores, axis=1)
    return float(np.mean(log_norm - np.sum(t * scores, axis=1)))


def grads_with_preactivation_derivative(params, x, t):
    """The gradients when σ′ is written as a1·(1 − a1) with the pre-activation a1 in place of h."""
    a1 = x @ params["W1"] + params["b1"]
    hidden = 1.0 / (1.0 + np.exp(-a1))
    scores = hidden @ params["W2"] + params["b2"]
    y = np.exp(scores - np.logaddexp.reduce(scores, axis=1, keepdims=True))
    dscores = (y - t) / x.shape[0]
    da1 = (dscores @ params["W2"].T) * a1 * (1.0 - a1)
    return {"W1": x.T @ da1, "b1": da1.sum(axis=0)}


def grads_with_derivative_of_hidden_output(params, x, t):
    """The gradients when σ′ is applied to h = σ(a1) once more: σ(h)·(1 − σ(h))."""
    hidden = 1.0 / (1.0 + np.exp(-(x @ params["W1"] + params["b1"])))
    scores = hidden @ params["W2"] + params["b2"]
    y = np.exp(scores - np.logaddexp.reduce(scores, axis=1, keepdims=True))
    dscores = (y - t) / x.shape[0]
    s = 1.0 / (1.0 + np.exp(-hidden))
    da1 = (dscores @ params["W2"].T) * s * (1.0 - s)
    return {"W1": x.T @ da1, "b1": da1.sum(axis=0)}


def binary_cross_entropy(params, x, t, divisor):
    """The popular article's loss: −Σ [t·log y + (1 − t)·log(1 − y)] over the classes of the
    softmax outputs y, divided by ``divisor`` ("N", "N·C" or "1")."""
    hidden = 0.5 * (1.0 + np.tanh(0.5 * (x @ params["W1"] + params["b1"])))
    scores = hidden @ params["W2"] + params["b2"]
    y = np.exp(scores - np.logaddexp.reduce(scores, axis=1, keepdims=True))
    terms = t * np.log(y) + (1.0 - t) * np.log(1.0 - y)
    return float(-np.sum(terms) / {"N": t.shape[0], "N·C": t.size, "1": 1}[divisor])


BINARY = ("{var} is the binary cross-entropy summed over the classes, "
          "−Σ [t·log y + (1 − t)·log(1 − y)]{how}, "
          "on the softmax outputs y: the loss of C independent sigmoid outputs. A softmax is one "
          "distribution, and its cross-entropy keeps only −Σ t·log y: drop the (1 − t)·log(1 − y) terms.")
BINARY_REDUCTIONS = {"N": ", averaged over the batch", "N·C": ", averaged over all N·C entries",
                     "1": ", summed over the batch"}


def true_class_probabilities(params, x, t):
    hidden = 0.5 * (1.0 + np.tanh(0.5 * (x @ params["W1"] + params["b1"])))
    scores = hidden @ params["W2"] + params["b2"]
    return np.exp(np.sum(t * scores, axis=1) - np.logaddexp.reduce(scores, axis=1))


def draws(rng):
    # N differs from H and C in every draw, so a bias gradient summed over the wrong axis cannot
    # have the right shape by accident; D, H, C differ so a transpose cannot hide. The first
    # draw (N > 1) is also where the user's own loss is probed.
    for n, d, hidden, c in [(5, 4, 6, 3), (1, 3, 4, 5), (7, 5, 4, 3)]:
        def draw():
            params = {"W1": rng.standard_normal((d, hidden)), "b1": 0.5 * rng.standard_normal(hidden),
                      "W2": 0.7 * rng.standard_normal((hidden, c)), "b2": 0.5 * rng.standard_normal(c)}
            t = np.eye(c)[rng.integers(0, c, n)]
            return {"params": params, "x": rng.standard_normal((n, d)), "t": t}

        # Every true-class probability in [0.01, 0.9]: away from log(0), and away from 1 where
        # the loss itself nears 0 (see loss_rtol below).
        def moderate(args):
            p = true_class_probabilities(**args)
            return bool(np.all((p >= 0.01) & (p <= 0.9)))

        args = redraw_until(draw, moderate)
        yield Case(f"N={n}, D={d}, H={hidden}, C={c}", args, batch=n)


KATA = Kata(
    name="two_layer_net",
    title="Loss and gradients of a two-layer sigmoid/softmax net",
    topic="networks",
    difficulty="medium",
    source="Deep Learning from Scratch (Saito), ch. 5 (TwoLayerNet); CS231n assignment 1 (two_layer_net)",
    functions=("two_layer_net",),
    checks=(
        LossAndGrads("two_layer_net", loss=loss, cases=draws,
                     returns=(Loss(), {k: Grad(f"grads['{k}']", "params", k) for k in NAMES}),
                     # The book's cross-entropy takes log(y + 1e-7) to avoid log(0): that adds
                     # about 1e-7 / y to each row's loss, a relative error of up to
                     # 1e-7 / (y·(−log y)) ≤ 2.2e-6 for true-class probabilities y in [0.01, 0.9]
                     # (typically 5e-7), which a correct answer in that style must be allowed.
                     loss_rtol=1e-5,
                     mistakes=tuple(
                         Mistake("output_for_input", f"grads['{k}']",
                                 lambda params, x, t, k=k: grads_with_preactivation_derivative(params, x, t)[k],
                                 "{var} uses σ′ = a1·(1 − a1) with the pre-activation a1 = x @ W1 + b1; "
                                 "the formula σ′ = s·(1 − s) holds for the sigmoid's output s = σ(a1).")
                         for k in ("W1", "b1")) + (
                         Mistake("constant_scale", "loss", lambda params, x, t: loss(params, x, t) / t.shape[1],
                                 "{var} is the mean of −t·log y over all N·C entries of t, i.e. 1/C of the loss: "
                                 "sum over the classes, then take the mean over the batch only."),
                         *(Mistake("loss_mismatch", "loss",
                                   lambda params, x, t, d=divisor: binary_cross_entropy(params, x, t, d),
                                   BINARY.replace("{how}", how)) for divisor, how in BINARY_REDUCTIONS.items()),
                     ) + tuple(
                         Mistake("wrong_gradient", f"grads['{k}']",
                                 lambda params, x, t, k=k: grads_with_derivative_of_hidden_output(params, x, t)[k],
                                 "{var} applies the sigmoid's derivative to the hidden output h, i.e. σ(h)·(1 − σ(h)): "
                                 "h is already σ(a1), so σ′(a1) = h·(1 − h), with no second σ.")
                         for k in ("W1", "b1"))),
    ),
    hints=(
        "Go backwards one line of the forward pass at a time, keeping the intermediates (a1, h, y); "
        "each gradient has the shape of the thing it is the gradient of.",
        "Softmax followed by cross-entropy has the derivative da2 = (y − t) / N with respect to the "
        "scores; the 1/N comes from the mean, and only there.",
        "dW2 = h.T @ da2, db2 = da2.sum(axis=0), dh = da2 @ W2.T, da1 = dh * h * (1 − h), "
        "dW1 = x.T @ da1, db1 = da1.sum(axis=0).",
    ),
    explanations={
        "loss_mismatch": "The (1 − t)·log(1 − y) term belongs to a sigmoid output per class (binary "
                         "cross-entropy). After a softmax the loss of a sample is −log y[label] alone, and "
                         "its gradient with respect to the scores is (y − t) / N.",
        "batch_scale:loss": "The loss is the mean over the batch: divide the summed cross-entropy by N.",
        "wrong_shape": "Each gradient has the shape of its parameter; a bias is shared by every row of the "
                       "batch, so its gradient sums over axis 0 (the batch), not axis 1.",
        "batch_scale:grads": "The loss is a mean over the batch, so dL/da2 = (y − t) / N: the 1/N is "
                             "taken once, at the top, and every gradient below carries it.",
        "output_for_input": "σ′(a) = σ(a)·(1 − σ(a)): apply s·(1 − s) to the hidden layer's output h, "
                            "the values you already computed in the forward pass, not to x @ W1 + b1.",
    },
)
