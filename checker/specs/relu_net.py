import numpy as np

from checker.draws import mixed_values, weights_for
from checker.spec import Case, Grad, Kata, Loss, LossAndGrads, Mistake


def sum_of_squares(x, y, w1, w2):
    hidden = np.einsum("nd,dh->nh", x, w1)
    prediction = np.einsum("nh,ho->no", np.where(hidden > 0, hidden, 0.0), w2)
    return float(np.sum(np.square(prediction - y)))


def draws(rng):
    # (N, D_in, H, D_out): a batch of 1 first; D_in != H and H != D_out, so a transposed weight
    # gradient has the wrong shape; N <= D_in, so that w1 can place every pre-activation.
    for n, d_in, hidden, d_out in [(1, 3, 4, 2), (4, 5, 3, 2), (2, 4, 6, 3)]:
        x = rng.standard_normal((n, d_in))
        # The hidden pre-activations h = x @ w1 mix scales: standard normal, tens to a hundred, and
        # 1e-3..1e-2 beside the kink. A step of w1 moves h by |x|·STEP, far less than that margin.
        h = mixed_values(rng, (n, hidden), kinks=(0.0,), large=(10.0, 100.0))
        args = {"x": x, "y": rng.standard_normal((n, d_out)), "w1": weights_for(x, h),
                "w2": rng.standard_normal((hidden, d_out))}
        yield Case(f"N={n}, D_in={d_in}, H={hidden}, D_out={d_out}", args, batch=n)


# --- classic wrong answers, computed the way the mistaken code computes them ---------------------

def _backward(x, y, w1, w2, *, mask="h > 0", reduction="sum", second_layer_input="h_relu"):
    h = x @ w1
    h_relu = np.maximum(h, 0)
    residual = h_relu @ w2 - y
    grad_y_pred = 2 * residual / (residual.size if reduction == "mean" else 1)
    upstream = grad_y_pred @ w2.T
    keep = {"h > 0": h > 0, "h < 0": h < 0, "none": np.ones_like(h, dtype=bool),
            "upstream > 0": upstream > 0}[mask]
    grad_w2 = (h if second_layer_input == "h" else h_relu).T @ grad_y_pred
    grad_w1 = x.T @ (upstream * keep)
    return grad_w1, grad_w2


def _mean_loss(x, y, w1, w2):
    return sum_of_squares(x, y, w1, w2) / y.size


MISTAKES = (
    Mistake("mask_error", "grad_w1", lambda *a: _backward(*a, mask="h < 0")[0],
            "{var} lets the gradient through the hidden units that were off (h < 0) and blocks the ones "
            "that were on: the ReLU mask is inverted."),
    Mistake("mask_error", "grad_w1", lambda *a: _backward(*a, mask="none")[0],
            "{var} lets the gradient through every hidden unit, as if there were no ReLU: the mask never "
            "blocks anything. (A mask on max(h, 0) < 0 is never true: test the pre-activation h.)"),
    Mistake("mask_error", "grad_w1", lambda *a: _backward(*a, mask="upstream > 0")[0],
            "{var} is masked by the sign of the gradient arriving at the ReLU; the mask comes from the "
            "ReLU's input h."),
    Mistake("mask_error", "grad_w2", lambda *a: _backward(*a, second_layer_input="h")[1],
            "{var} is computed from the pre-activation h; the second layer saw max(h, 0), so the hidden "
            "units that were off must contribute nothing."),
    Mistake("constant_scale", "loss", _mean_loss,
            "{var} is the mean of the squared errors over all N·D_out entries of y; this kata's loss is "
            "their sum."),
    Mistake("constant_scale", "grad_w1", lambda *a: _backward(*a, reduction="mean")[0],
            "{var} is the gradient of the mean over all N·D_out entries; this kata's loss is a sum."),
    Mistake("constant_scale", "grad_w2", lambda *a: _backward(*a, reduction="mean")[1],
            "{var} is the gradient of the mean over all N·D_out entries; this kata's loss is a sum."),
)


KATA = Kata(
    name="relu_net",
    title="A two-layer ReLU network by hand",
    topic="networks",
    difficulty="easy",
    source="PyTorch tutorial “Learning PyTorch with Examples” (the numpy warm-up)",
    functions=("relu_net",),
    checks=(
        LossAndGrads("relu_net", loss=sum_of_squares, cases=draws,
                     returns=(Loss(), Grad("grad_w1", "w1"), Grad("grad_w2", "w2")),
                     mistakes=MISTAKES),
    ),
    hints=(
        "Keep every intermediate of the forward pass (h, h_relu, y_pred) and walk back from the loss: "
        "grad_y_pred, then grad_w2, then through w2 to grad_h_relu, the ReLU to grad_h, and x to grad_w1.",
        "The loss is a sum of squares, so grad_y_pred = 2·(y_pred − y) with no 1/N; the ReLU passes "
        "grad_h_relu where h > 0 and blocks it elsewhere.",
        "grad_w2 = h_relu.T @ grad_y_pred; grad_h = (grad_y_pred @ w2.T) * (h > 0); "
        "grad_w1 = x.T @ grad_h.",
    ),
    explanations={
        "constant_scale": "The loss is a sum of squares: d/dy_pred (y_pred − y)² = 2·(y_pred − y). "
                          "Check the 2, and that nothing divides by N or by the number of entries.",
        "batch_scale": "The loss is a sum over the batch, not a mean: nothing divides by N.",
        "mask_error:grad_w2": "The second layer's input is the ReLU's output: grad_w2 = h_relu.T @ grad_y_pred, "
                              "with h_relu = max(h, 0), not h.",
        "transposed:grad_w1": "A weight's gradient has the weight's shape: grad_w1 = x.T @ grad_h is "
                              "(D_in, N) @ (N, H).",
        "transposed:grad_w2": "A weight's gradient has the weight's shape: grad_w2 = h_relu.T @ grad_y_pred "
                              "is (H, N) @ (N, D_out).",
    },
)
