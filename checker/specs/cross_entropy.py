import numpy as np

from checker.spec import Case, Kata, Mistake, Value, redraw_until


def one_hot_batch(y, t):
    """Every accepted form of (y, t) as (N, C) probabilities and an (N, C) one-hot matrix."""
    probs = np.atleast_2d(y)
    t = np.asarray(t)
    if t.shape == np.shape(y):
        return probs, np.atleast_2d(t).astype(np.float64)
    one_hot = np.zeros_like(probs)
    one_hot[np.arange(probs.shape[0]), t.reshape(-1)] = 1.0
    return probs, one_hot


def cross_entropy(y, t):
    probs, one_hot = one_hot_batch(y, t)
    return float(-np.sum(one_hot * np.log(probs)) / probs.shape[0])


def draw_probabilities(rng, n, c):
    """Softmax rows of moderate logits, with integer labels whose probability is in [0.02, 0.9].

    A correct answer may add a tiny delta inside the log (log(y + 1e-7), the style of a popular
    textbook); that moves the loss by about 1e-7 / (y[label] * loss) relatively, which stays below
    2e-6 for label probabilities in this band, well inside the check's rtol.
    """
    def draw():
        logits = rng.standard_normal((n, c))
        probs = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        return probs, rng.integers(0, c, size=n)

    def label_probability_in_band(drawn):
        probs, labels = drawn
        picked = probs[np.arange(n), labels]
        return bool(np.all((picked > 0.02) & (picked < 0.9)))
    return redraw_until(draw, label_probability_in_band)


def draws(rng):
    probs, labels = draw_probabilities(rng, 4, 5)
    yield Case("y (4, 5), one-hot t", {"y": probs, "t": np.eye(5)[labels]}, batch=4)
    probs, labels = draw_probabilities(rng, 3, 7)
    yield Case("y (3, 7), labels (3,)", {"y": probs, "t": labels}, batch=3)
    probs, labels = draw_probabilities(rng, 1, 6)
    yield Case("y (1, 6), labels (1,)", {"y": probs, "t": labels}, batch=1)
    probs, labels = draw_probabilities(rng, 7, 3)
    yield Case("y (7, 3), one-hot t", {"y": probs, "t": np.eye(3)[labels]}, batch=7)
    probs, labels = draw_probabilities(rng, 1, 5)
    yield Case("y (5,), one-hot t", {"y": probs[0], "t": np.eye(5)[labels[0]]}, batch=1)
    probs, labels = draw_probabilities(rng, 1, 6)
    yield Case("y (6,), label scalar", {"y": probs[0], "t": labels[0]}, batch=1)


def divided_by_first_dimension(y, t):
    probs, one_hot = one_hot_batch(y, t)
    return -np.sum(one_hot * np.log(probs)) / np.shape(y)[0]


def mean_over_every_entry(y, t):
    probs, one_hot = one_hot_batch(y, t)
    return -np.mean(one_hot * np.log(probs))


def binary_cross_entropy(y, t, divisor):
    """−Σ [t·log y + (1 − t)·log(1 − y)] over every entry, divided by ``divisor`` ("N", "N·C" or "1")."""
    probs, one_hot = one_hot_batch(y, t)
    terms = one_hot * np.log(probs) + (1.0 - one_hot) * np.log(1.0 - probs)
    return float(-np.sum(terms) / {"N": probs.shape[0], "N·C": probs.size, "1": 1}[divisor])


BINARY = ("{var} is the binary cross-entropy summed over the classes, "
          "−Σ [t·log y + (1 − t)·log(1 − y)]{how}: "
          "the loss of C independent yes/no outputs. y is one distribution over the classes, and its "
          "cross-entropy keeps only −log y[label] for each sample: drop the (1 − t)·log(1 − y) terms.")
BINARY_REDUCTIONS = {"N": ", averaged over the batch", "N·C": ", averaged over all N·C entries",
                     "1": ", summed over the batch"}


def every_label_of_every_row(y, t):
    probs, one_hot = one_hot_batch(y, t)
    labels = one_hot.argmax(axis=1)
    return -np.mean(np.log(probs[:, labels]))


KATA = Kata(
    name="cross_entropy",
    title="Cross-entropy of probabilities, for one-hot or integer labels",
    topic="losses",
    difficulty="easy",
    source="Deep Learning from Scratch (Saito), ch. 4: cross_entropy_error",
    functions=("cross_entropy",),
    checks=(
        # rtol 1e-5 rather than 1e-7: a correct answer may guard the log with a tiny delta,
        # log(y + 1e-7); the draws keep the label probabilities where that costs < 2e-6.
        Value("cross_entropy", reference=cross_entropy, cases=draws, outputs=("loss",), rtol=1e-5,
              mistakes=(
                  # Before the mean over every entry: on a single sample both divide by C.
                  Mistake("batch_scale", "loss", divided_by_first_dimension,
                          "{var} is divided by C for a single sample y (C,): y.shape[0] is the number "
                          "of classes there, not the batch size. Treat a 1-D y (and its t) as a batch "
                          "of one, e.g. y.reshape(1, -1), before taking N = y.shape[0]."),
                  Mistake("constant_scale", "loss", mean_over_every_entry,
                          "{var} is the mean of -t·log y over all N·C entries, i.e. 1/C of the loss: "
                          "sum over the classes, then take the mean over the batch only."),
                  Mistake("wrong_value", "loss", every_label_of_every_row,
                          "{var} averages -log y[:, labels], an N×N block that pairs every row with "
                          "every label; pair row n with its own label: y[np.arange(N), labels]."),
                  *(Mistake("loss_mismatch", "loss", lambda y, t, d=divisor: binary_cross_entropy(y, t, d),
                            BINARY.replace("{how}", how)) for divisor, how in BINARY_REDUCTIONS.items()),
              )),
    ),
    hints=(
        "One-hot t and integer labels say the same thing: the one-hot row has its 1 at the label "
        "(t.argmax(axis=1)).",
        "A single sample y (C,) is a batch of one: reshape it (and a one-hot t) to one row, so "
        "that N = y.shape[0] is the batch size in every case.",
        "With y (N, C) and labels (N,): loss = -np.mean(np.log(y[np.arange(N), labels])), returned "
        "as one float.",
    ),
    explanations={
        "loss_mismatch": "The (1 − t)·log(1 − y) term belongs to a sigmoid output per class (binary "
                         "cross-entropy). For a softmax distribution the loss of a sample is −log of the "
                         "probability of its label alone: the other classes already lose probability "
                         "whenever the label's grows.",
        "batch_scale": "The loss is a mean over the batch: sum -log y[label] over the samples and "
                       "divide by N, the number of samples. A single sample y (C,) is a batch of one.",
    },
)
