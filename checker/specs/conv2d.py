import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from checker.spec import Case, Gradient, Kata, Mistake, Value


def padded(x, pad):
    # np.pad costs more than the whole convolution at these sizes, and this runs per difference.
    x_pad = np.zeros(x.shape[:2] + (x.shape[2] + 2 * pad, x.shape[3] + 2 * pad))
    x_pad[:, :, pad:pad + x.shape[2], pad:pad + x.shape[3]] = x
    return x_pad


def convolution(x, w, b, stride=1, pad=0):
    """Every window at once: (N, C, H_out, W_out, HH, WW) contracted with w over (c, p, q)."""
    x_pad = padded(x, pad)
    windows = sliding_window_view(x_pad, w.shape[2:], axis=(2, 3))[:, :, ::stride, ::stride]
    return np.einsum("ncijpq,fcpq->nfij", windows, w) + b[None, :, None, None]


def gradients(dout, x, w, b, stride=1, pad=0, flip=True):
    """(dx, dw, db) by the transposed convolution: dout spread back onto the stride grid, padded by
    the filter size less one, and correlated with the filters turned by 180° (``flip``) and with
    the roles of F and C exchanged."""
    n, f = dout.shape[:2]
    hh, ww = w.shape[2:]
    x_pad = padded(x, pad)
    spread = np.zeros((n, f, x_pad.shape[2] - hh + 1, x_pad.shape[3] - ww + 1))
    spread[:, :, ::stride, ::stride] = dout
    kernel = w.transpose(1, 0, 2, 3)[:, :, ::-1, ::-1] if flip else w.transpose(1, 0, 2, 3)
    full = np.pad(spread, ((0, 0), (0, 0), (hh - 1, hh - 1), (ww - 1, ww - 1)))
    dx_pad = convolution(full, kernel, np.zeros(x.shape[1]))
    dw = np.einsum("ncijpq,nfij->fcpq", sliding_window_view(x_pad, (hh, ww), axis=(2, 3)), spread)
    dx = dx_pad[:, :, pad:pad + x.shape[2], pad:pad + x.shape[3]]
    return dx, dw, dout.sum(axis=(0, 2, 3))


# --- the classic mistakes, as what they return ---------------------------------------------------

def windows_without_stride(x, w, b, stride=1, pad=0):
    """The output size has the stride, the window positions do not: window (i, j) starts at (i, j)."""
    h_out, w_out = convolution(x, w, b, stride, pad).shape[2:]
    return convolution(x, w, b, 1, pad)[:, :, :h_out, :w_out]


def gradients_without_stride(dout, x, w, b, stride=1, pad=0):
    """The gradients of windows_without_stride: dout fills the first H_out × W_out positions of a
    stride-1 output."""
    full_shape = convolution(x, w, b, 1, pad).shape
    spread = np.zeros(full_shape)
    spread[:, :, :dout.shape[2], :dout.shape[3]] = dout
    return gradients(spread, x, w, b, 1, pad)


def dx_with_unflipped_filters(dout, x, w, b, stride=1, pad=0):
    return gradients(dout, x, w, b, stride, pad, flip=False)[0]


def flipped_dw(dout, x, w, b, stride=1, pad=0):
    return gradients(dout, x, w, b, stride, pad)[1][:, :, ::-1, ::-1]


def draws(rng):
    # (N, C, H, W, F, HH, WW, keywords): every output size divides evenly; N != F everywhere, so a
    # bias gradient summed over the wrong axes cannot have b's shape; HH != WW and H != W so a
    # swapped spatial axis cannot hide. Stride and pad are each also passed alone, so a function
    # that ignores one of them is told apart from one that ignores the other.
    for n, c, h, w, f, hh, ww, keywords in [
            (1, 2, 5, 6, 3, 3, 2, {}),
            (2, 3, 5, 7, 4, 3, 3, {"stride": 2}),
            (3, 2, 4, 5, 4, 3, 2, {"pad": 1}),
            (2, 2, 6, 5, 3, 2, 3, {"stride": 2, "pad": 1}),
            (1, 3, 3, 4, 2, 3, 3, {"stride": 1, "pad": 2})]:
        args = {"x": rng.standard_normal((n, c, h, w)), "w": rng.standard_normal((f, c, hh, ww)),
                "b": rng.standard_normal(f)}
        said = ", ".join(f"{k}={v}" for k, v in keywords.items())
        yield Case(f"x ({n}, {c}, {h}, {w}), w ({f}, {c}, {hh}, {ww})" + (f", {said}" if said else ""),
                   args, dict(keywords), batch=n)


def _gradient_mistakes(code, produce, message):
    return tuple(Mistake(code, name, lambda dout, x, w, b, stride=1, pad=0, i=i: produce(
        dout, x, w, b, stride, pad)[i], message) for i, name in enumerate(("dx", "dw")))


STRIDE_IGNORED = ("{var} uses windows that start at (i, j) instead of (i·stride, j·stride): the stride is in the "
                  "output size but not in the window positions.")

KATA = Kata(
    name="conv2d",
    title="Forward and backward of a 2-D convolution with stride and padding",
    topic="layers",
    difficulty="hard",
    prerequisites=("linear_backward",),
    source="CS231n assignment 2 (conv_forward_naive, conv_backward_naive)",
    functions=("conv2d_forward", "conv2d_backward"),
    checks=(
        Value("conv2d_forward", reference=convolution, cases=draws,
              mistakes=(Mistake("ignores_keyword", "out", windows_without_stride, STRIDE_IGNORED),)),
        Gradient("conv2d_backward", forward=convolution, cases=draws,
                 grads={"dx": "x", "dw": "w", "db": "b"},
                 mistakes=_gradient_mistakes("ignores_keyword", gradients_without_stride, STRIDE_IGNORED)
                 + (Mistake("wrong_gradient", "dx", dx_with_unflipped_filters,
                            "{var} is the full correlation of dout with w not turned by 180°: the backward of a "
                            "cross-correlation w.r.t. its input correlates with the flipped filter, "
                            "w[:, :, ::-1, ::-1]."),
                    Mistake("wrong_gradient", "dw", flipped_dw,
                            "{var} is the right gradient turned by 180° (flipped along both filter axes): the "
                            "forward is a cross-correlation, so dw[f, c, p, q] pairs dout with "
                            "x_pad[n, c, i·stride + p, j·stride + q], unflipped."))),
    ),
    hints=(
        "Write out[n, f, i, j] = b[f] + Σ_{c,p,q} x_pad[n, c, i·stride + p, j·stride + q]·w[f, c, p, q] and "
        "differentiate one term: each gradient collects dout over every output position that used it.",
        "db sums dout over everything but the filter axis: (0, 2, 3). dw[f, c, p, q] sums dout[n, f, i, j] times "
        "the input entry that met w[f, c, p, q] there.",
        "For dx, pad first: accumulate into dx_pad (np.zeros_like(x_pad)) with +=, since neighbouring windows "
        "overlap, then cut the padding off with dx_pad[:, :, pad:pad + H, pad:pad + W].",
        "Loop over the filter offsets p < HH, q < WW: the entries offset (p, q) meets are "
        "x_pad[:, :, p:p + stride·H_out:stride, q:q + stride·W_out:stride], an (N, C, H_out, W_out) slice; "
        "dw[:, :, p, q] = einsum('nfhw,nchw->fc', dout, slice) and dx_pad[slice] += einsum('nfhw,fc->nchw', "
        "dout, w[:, :, p, q]).",
    ),
    explanations={
        "wrong_shape:dx": "dx has x's shape (N, C, H, W). If you cut the padding off with dx_pad[:, :, pad:-pad], "
                          "that slice is empty when pad = 0 (-0 is 0, the start): use pad:pad + H instead.",
        "wrong_shape:db": "db has one entry per filter, like b: b[f] is added at every output position of filter "
                          "f in every image, so sum dout over axes (0, 2, 3).",
        "wrong_shape:out": "The output is (N, F, H_out, W_out) with H_out = (H + 2·pad − HH) // stride + 1: pad "
                           "the input first, and step the windows by the stride.",
        "wrong_shape:dw": "dw has w's shape (F, C, HH, WW): the filter axis first, then the channels.",
        "ignores_keyword": "Use stride and pad as given, in the output size and in the window positions: window "
                           "(i, j) starts at (i·stride, j·stride) of the padded input.",
        "exception": "Write each array's shape next to the line that failed: x_pad is (N, C, H + 2·pad, W + 2·pad), "
                     "a window is (N, C, HH, WW), dout is (N, F, H_out, W_out); H != W and HH != WW here.",
        "batch_scale:db": "db sums dout over the batch too: every image adds b[f] to its outputs.",
    },
)
