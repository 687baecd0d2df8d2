import numpy as np

from checker.draws import mixed_values
from checker.spec import Case, Kata, Mistake, Value, redraw_until


def lookup(idx, W):
    return W[idx]


def scatter_add(dout, idx, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, idx, dout)
    return dW


def assigned(dout, idx, vocab_size):
    """dW[idx] = dout: each repeated index keeps one of its rows of dout instead of their sum."""
    dW = np.zeros((vocab_size, dout.shape[-1]))
    dW[idx] = dout
    return dW


# (N, T, D, V, words used): few distinct words in each draw, so every draw repeats indices within a
# sequence and across the batch; V larger than any index drawn, so some rows of dW stay zero; V
# differs from N·T and from D, so no transpose or reshape can hide.
SIZES = [(2, 5, 3, 9, 4), (1, 6, 4, 7, 3), (3, 4, 2, 11, 5), (4, 3, 5, 8, 2)]


def index_draw(rng, n, t, used, v):
    words = rng.choice(v - 1, size=used, replace=False)  # never the last word: V > idx.max() + 1
    def ok(idx):
        repeated_in_row = any(len(set(row)) < t for row in idx)
        return repeated_in_row and len(set(idx.ravel())) == used
    return redraw_until(lambda: rng.choice(words, size=(n, t)), ok)


def forward_draws(rng):
    for n, t, d, v, used in SIZES:
        idx = index_draw(rng, n, t, used, v)
        yield Case(f"idx ({n}, {t}), W ({v}, {d})", {"idx": idx, "W": rng.standard_normal((v, d))}, batch=n)


def backward_draws(rng):
    for n, t, d, v, used in SIZES:
        idx = index_draw(rng, n, t, used, v)
        yield Case(f"dout ({n}, {t}, {d}), idx ({n}, {t}), vocab_size {v}",
                   {"dout": mixed_values(rng, (n, t, d), kinks=()), "idx": idx, "vocab_size": v}, batch=n)


KATA = Kata(
    name="embedding",
    title="Forward and backward of a word-embedding lookup",
    topic="layers",
    difficulty="easy",
    source="CS231n assignment 3 (word_embedding_forward, word_embedding_backward)",
    functions=("embedding_forward", "embedding_backward"),
    checks=(
        Value("embedding_forward", reference=lookup, cases=forward_draws),
        Value("embedding_backward", reference=scatter_add, cases=backward_draws, outputs=("dW",),
              title="dW sums dout over every appearance of each word",
              mistakes=(Mistake("missing_accumulation", "dW", assigned,
                                "{var} keeps one row of dout per word: dW[idx] = dout (and dW[idx] += dout, "
                                "which is buffered) writes a repeated index once instead of adding every "
                                "appearance. Use np.add.at(dW, idx, dout), or loop and add."),)),
    ),
    hints=(
        "The forward is one fancy index: W[idx] has shape (N, T, D).",
        "Each out[n, t] is a copy of the row W[idx[n, t]], so that row's gradient collects dout[n, t] from "
        "every position where the word appears.",
        "dW[idx] += dout does not add repeated indices: numpy buffers it and writes each index once. "
        "np.add.at(dW, idx, dout) adds every one; so does a loop over n and t with +=.",
    ),
    explanations={
        "wrong_shape:dW": "dW has W's shape (vocab_size, D): start from np.zeros((vocab_size, D)), not from "
                          "idx.max() + 1 rows; words that never appear keep a zero row.",
        "missing_accumulation": "A word that appears several times receives the gradient of every appearance: "
                                "add them up with np.add.at(dW, idx, dout).",
        "wrong_shape:out": "out has shape (N, T, D): W[idx] indexes the rows of W with the whole (N, T) array.",
    },
)
