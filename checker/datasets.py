"""Small real data sets shipped with the project, read offline from ``checker/data``.

The digits are the 8×8 handwritten digits of the UCI "Optical Recognition of Handwritten Digits"
data set (1797 images, 10 classes); see ``data/DIGITS_LICENSE.md`` for attribution and licence.
"""

from __future__ import annotations

import gzip
import io
from functools import lru_cache
from importlib import resources

import numpy as np

DIGITS_FILE = "digits.csv.gz"  # one row per image: 64 pixel values 0..16, then the label
DIGITS_PIXEL_MAX = 16.0


@lru_cache(maxsize=None)
def _digits_table() -> np.ndarray:
    packed = resources.files(__package__).joinpath("data", DIGITS_FILE).read_bytes()
    with gzip.open(io.BytesIO(packed), mode="rt", encoding="ascii") as text:
        table = np.loadtxt(text, delimiter=",", dtype=np.int64)
    table.setflags(write=False)
    return table


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """The 1797 digits as (images, labels).

    Returns:
    - images: float64 (1797, 64), pixel intensities scaled from 0..16 to [0, 1], row-major 8×8
    - labels: int64 (1797,), the digit 0..9 of each image
    """
    table = _digits_table()
    return table[:, :64] / DIGITS_PIXEL_MAX, table[:, 64].copy()


def held_out_split(images: np.ndarray, labels: np.ndarray, test_fraction: float = 0.2,
                   seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A seeded split, stratified by label so each class keeps its share on both sides.

    Returns (train_images, train_labels, test_images, test_labels); rows are shuffled.
    """
    rng = np.random.default_rng(seed)
    test_rows, train_rows = [], []
    for label in np.unique(labels):
        rows = rng.permutation(np.flatnonzero(labels == label))
        cut = int(round(test_fraction * len(rows)))
        test_rows.append(rows[:cut])
        train_rows.append(rows[cut:])
    train = rng.permutation(np.concatenate(train_rows))
    test = rng.permutation(np.concatenate(test_rows))
    return images[train], labels[train], images[test], labels[test]


def one_hot(labels: np.ndarray, classes: int) -> np.ndarray:
    """float64 (N, classes) with a single 1 per row, at the label."""
    return np.eye(classes)[labels]
