import numpy as np

from checker.spec import Case, Grad, Kata, Loss, LossAndGrads, Mistake


def logistic(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def half_squared_error(x, target, w1, w2):
    out_o = logistic(np.dot(logistic(np.dot(x, w1)), w2))
    return float(0.5 * np.sum(np.square(target - out_o)))


def draws(rng):
    # (N, D, H, O); N=None is a single sample: x (D,), target (O,). The square single sample
    # comes first on purpose: there x.T @ delta runs and returns a dot product (a number) instead
    # of the outer product, which is the classic single-sample mistake; with D != H it would raise.
    for n, d, hidden, o in [(1, 4, 3, 2), (5, 3, 4, 2), (None, 3, 3, 3), (None, 5, 2, 3)]:
        batch = () if n is None else (n,)
        # Weights scaled by 1/sqrt(fan-in) keep the sigmoids out of saturation, where the gradients
        # would shrink toward the rounding noise of finite differences.
        args = {"x": rng.standard_normal(batch + (d,)), "target": rng.uniform(0.05, 0.95, batch + (o,)),
                "w1": rng.standard_normal((d, hidden)) / np.sqrt(d),
                "w2": rng.standard_normal((hidden, o)) / np.sqrt(hidden)}
        label = (f"x ({d},), a single sample, H={hidden}, O={o}" if n is None
                 else f"N={n}, D={d}, H={hidden}, O={o}")
        yield Case(label, args, batch=n)


# --- classic wrong answers, computed the way the mistaken code computes them ---------------------

def _derivative(form, pre_activation, output):
    if form == "of the input":  # s(1 - s) applied to the pre-activation z
        return pre_activation * (1 - pre_activation)
    if form == "sigma of the output":  # σ(z)(1 − σ(z)) applied to the layer's output
        return logistic(output) * (1 - logistic(output))
    return output * (1 - output)


def _backward(x, target, w1, w2, *, hidden="right", output="right"):
    x, target = np.atleast_2d(x), np.atleast_2d(target)
    z_h = x @ w1
    out_h = logistic(z_h)
    z_o = out_h @ w2
    out_o = logistic(z_o)
    delta_o = (out_o - target) * _derivative(output, z_o, out_o)
    delta_h = (delta_o @ w2.T) * _derivative(hidden, z_h, out_h)
    return x.T @ delta_h, out_h.T @ delta_o


def _mistake(code, variable, message, **forms):
    index = {"grad_w1": 0, "grad_w2": 1}[variable]
    return Mistake(code, variable, lambda *a: _backward(*a, **forms)[index], message)


ON_INPUT = ("σ'(z) = σ(z)(1 − σ(z)) is out·(1 − out) written in terms of the layer's output; "
            "applied to the pre-activation z it is wrong.")
SIGMA_OF_OUTPUT = ("σ(out)(1 − σ(out)) is σ' of the layer's output; with out = σ(z) the derivative is "
                   "out·(1 − out), with no second σ.")

def _mean_loss(x, target, w1, w2):
    return half_squared_error(x, target, w1, w2) / np.size(target)


def _mean_gradient(index):
    return lambda x, target, w1, w2: _backward(x, target, w1, w2)[index] / np.size(target)


MEAN = ("the loss is ½ Σ (target − out_o)², a sum over every sample and output, not a mean: "
        "drop the division by the number of entries.")

MISTAKES = (
    Mistake("constant_scale", "loss", _mean_loss, "{var} is a mean over the N·O entries; " + MEAN),
    Mistake("constant_scale", "grad_w1", _mean_gradient(0), "{var} is divided by the N·O entries; " + MEAN),
    Mistake("constant_scale", "grad_w2", _mean_gradient(1), "{var} is divided by the N·O entries; " + MEAN),
    _mistake("output_for_input", "grad_w1", "{var} uses z·(1 − z) of the pre-activations of both layers. "
             + ON_INPUT, hidden="of the input", output="of the input"),
    _mistake("output_for_input", "grad_w1", "{var} uses z·(1 − z) of the hidden pre-activation x @ w1. "
             + ON_INPUT, hidden="of the input"),
    _mistake("output_for_input", "grad_w1", "{var} uses z·(1 − z) of the output pre-activation out_h @ w2. "
             + ON_INPUT, output="of the input"),
    _mistake("output_for_input", "grad_w2", "{var} uses z·(1 − z) of the output pre-activation out_h @ w2. "
             + ON_INPUT, output="of the input"),
    _mistake("wrong_gradient", "grad_w1", "{var} takes the sigmoid's derivative of the outputs of both "
             "layers. " + SIGMA_OF_OUTPUT, hidden="sigma of the output", output="sigma of the output"),
    _mistake("wrong_gradient", "grad_w1", "{var} takes the sigmoid's derivative of the hidden output out_h. "
             + SIGMA_OF_OUTPUT, hidden="sigma of the output"),
    _mistake("wrong_gradient", "grad_w1", "{var} takes the sigmoid's derivative of the output out_o. "
             + SIGMA_OF_OUTPUT, output="sigma of the output"),
    _mistake("wrong_gradient", "grad_w2", "{var} takes the sigmoid's derivative of the output out_o. "
             + SIGMA_OF_OUTPUT, output="sigma of the output"),
)


KATA = Kata(
    name="sigmoid_mse_net",
    title="A two-layer sigmoid network with a squared error",
    topic="networks",
    difficulty="medium",
    source="the classic hand-worked backpropagation example (two sigmoid layers, ½ squared error)",
    functions=("sigmoid_mse_net",),
    checks=(
        LossAndGrads("sigmoid_mse_net", loss=half_squared_error, cases=draws,
                     returns=(Loss(), Grad("grad_w1", "w1"), Grad("grad_w2", "w2")),
                     mistakes=MISTAKES),
    ),
    hints=(
        "Keep out_h and out_o from the forward pass: σ'(z) = σ(z)(1 − σ(z)) is out·(1 − out) in terms "
        "of the layer's output.",
        "delta_o = (out_o − target)·out_o·(1 − out_o) is the gradient at the output pre-activation (the ½ "
        "cancels the 2); push it back through w2 and the hidden sigmoid to get delta_h.",
        "grad_w2 = out_h.T @ delta_o and grad_w1 = x.T @ delta_h; for a single sample these are outer "
        "products (np.outer), or treat x as a batch of one with np.atleast_2d.",
    ),
    explanations={
        "wrong_shape": "Each gradient has its weight's shape, for a batch and for a single sample. For a "
                       "single sample x of shape (D,), x.T is x itself and x.T @ delta is a dot product: "
                       "one number; the gradient is the outer product np.outer(x, delta_h). For a batch "
                       "it is x.T @ delta_h (np.outer of two matrices flattens them). Or make x a (1, D) "
                       "batch first (np.atleast_2d) and use one formula for both.",
        "exception": "If it fails on a single sample: with 1-D x, x.T is x itself, so x.T @ delta_h is not "
                     "the outer product the gradient needs. Use np.outer, or make x a (1, D) batch first "
                     "(np.atleast_2d).",
        "constant_scale": "The loss has a ½ in front: ½ Σ (target − out_o)². Its derivative w.r.t. out_o "
                          "is (out_o − target), with no 2.",
        "sign_flip": "d/d out_o of ½ (target − out_o)² is −(target − out_o) = out_o − target: the minus "
                     "comes from the inner derivative.",
        "batch_scale": "The loss is a sum over the batch, not a mean: nothing divides by N.",
        "wrong_gradient": "Derive it layer by layer: delta_o = (out_o − target)·out_o·(1 − out_o) at the "
                          "output pre-activation, then delta_h = (delta_o @ w2.T)·out_h·(1 − out_h); the "
                          "entries below are the furthest off.",
        "output_for_input": "Compute the sigmoid's derivative from the layer's output, out·(1 − out), "
                            "which you already have from the forward pass.",
    },
)
