import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from checker.spec import Case, Gradient, Kata, Mistake, Value


def windows_of(x, pool, stride):
    """(N, C, H_out, W_out, pool, pool): every window, without copying."""
    return sliding_window_view(x, (pool, pool), axis=(2, 3))[:, :, ::stride, ::stride]


def maxpool(x, pool=2, stride=2):
    return windows_of(x, pool, stride).max(axis=(4, 5))


def spread_back(dout, x, pool, stride, weights, assign=None):
    """dx from each window's share of dout (``weights``, (N, C, H_out, W_out, pool, pool)), windows
    taken in row-major order. assign=None adds every share (the truth); "argmax" writes only the
    maximum's share, overwriting what an earlier window put there; "window" writes the whole window's
    shares, zeros included, over what earlier windows put there."""
    dx = np.zeros_like(x)
    shares = weights * dout[..., None, None]
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            rows, cols = slice(i * stride, i * stride + pool), slice(j * stride, j * stride + pool)
            share = shares[:, :, i, j]
            if assign is None:
                dx[:, :, rows, cols] += share
            elif assign == "window":
                dx[:, :, rows, cols] = share
            else:
                target = dx[:, :, rows, cols]
                target[weights[:, :, i, j] > 0] = share[weights[:, :, i, j] > 0]
    return dx


def argmax_weights(x, pool, stride):
    windows = windows_of(x, pool, stride)
    return (windows == windows.max(axis=(4, 5), keepdims=True)).astype(np.float64)


def gradient(dout, x, pool=2, stride=2, assign=None):
    return spread_back(dout, x, pool, stride, argmax_weights(x, pool, stride), assign)


def average_gradient(dout, x, pool=2, stride=2):
    return spread_back(dout, x, pool, stride, np.full(windows_of(x, pool, stride).shape, 1.0 / pool ** 2))


def distinct_values(rng, shape, spacing=0.05):
    """Entries of ``shape`` all at least ``spacing`` apart (thousands of difference steps), in a random
    order: every window's maximum is unique and stays the maximum under any perturbation of a step."""
    size = int(np.prod(shape))
    ranks = rng.permutation(size).reshape(shape)
    return (ranks - size / 2) * spacing * rng.uniform(1.0, 3.0) + rng.uniform(0.0, 0.5 * spacing, shape)


def draws(rng):
    # (N, C, H, W, keywords): every output size divides evenly and H != W. pool and stride are each
    # passed alone (pool=3 alone overlaps with the default stride 2; stride=1 alone overlaps with
    # the default pool 2), and stride = pool once with non-default values.
    for n, c, h, w, keywords in [
            (1, 2, 4, 6, {}),
            (2, 3, 5, 7, {"stride": 1}),
            (2, 1, 7, 5, {"pool": 3}),
            (3, 2, 5, 6, {"pool": 3, "stride": 1}),
            (1, 2, 6, 9, {"pool": 3, "stride": 3}),
            (2, 2, 3, 7, {"pool": 3, "stride": 2})]:
        said = "".join(f", {k}={v}" for k, v in keywords.items())
        yield Case(f"x ({n}, {c}, {h}, {w}){said}", {"x": distinct_values(rng, (n, c, h, w))}, dict(keywords),
                   batch=n)


ASSIGNED = ("{var} loses gradient where windows overlap: an entry that is the maximum of several windows "
            "must receive the sum of their dout, but the assignment dx[...] = ... keeps only the last "
            "window's. Accumulate with +=.")

KATA = Kata(
    name="maxpool",
    title="Max pooling with overlapping windows: forward and backward",
    topic="layers",
    difficulty="medium",
    source="CS231n assignment 2 (max_pool_forward_naive, max_pool_backward_naive)",
    functions=("maxpool_forward", "maxpool_backward"),
    checks=(
        Value("maxpool_forward", reference=maxpool, cases=draws),
        Gradient("maxpool_backward", forward=maxpool, cases=draws, grads={"dx": "x"},
                 mistakes=(Mistake("missing_accumulation", "dx", lambda dout, x, pool=2, stride=2: gradient(
                               dout, x, pool, stride, assign="argmax"), ASSIGNED),
                           Mistake("missing_accumulation", "dx", lambda dout, x, pool=2, stride=2: gradient(
                               dout, x, pool, stride, assign="window"),
                               ASSIGNED + " Writing the whole window (mask·dout, zeros included) also wipes "
                                          "what an earlier window gave to its other entries."),
                           Mistake("wrong_gradient", "dx", average_gradient,
                                   "{var} spreads dout evenly over each window (dout/pool²), which is the "
                                   "gradient of average pooling: a maximum depends only on the largest entry, "
                                   "so all of dout goes to the argmax."))),
    ),
    hints=(
        "Loop over the output positions (i, j): the window is x[:, :, i·stride:i·stride + pool, "
        "j·stride:j·stride + pool], and out[:, :, i, j] is its max over the last two axes.",
        "In the backward, the window's maximum gets all of dout[:, :, i, j] and the other entries get "
        "nothing: mask = (window == its max, keepdims), and dx's window gets mask·dout.",
        "When stride < pool, windows overlap, and an entry can be the maximum of two windows: add into dx "
        "with +=, never assign.",
    ),
    explanations={
        "missing_accumulation": "Windows overlap when stride < pool: add each window's share into dx "
                                "(dx[..., window] += mask·dout) instead of assigning it.",
        "wrong_shape": "out is (N, C, H_out, W_out) with H_out = (H − pool) // stride + 1: windows start "
                       "stride apart and are pool wide. dx has x's shape.",
        "ignores_keyword": "Use pool and stride as given: windows are pool × pool and start at "
                           "(i·stride, j·stride).",
        "exception": "With overlapping windows, H_out = (H − pool) // stride + 1 is not H // pool: compute the "
                     "output size from both pool and stride.",
    },
)
