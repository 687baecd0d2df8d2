"""Clips the argument of exp to ±500, a common practical idiom: sigmoid(±500) already rounds to
1 and to 7e-218, so nothing measurable is lost, and e^500 is finite."""
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.clip(x, -500.0, 500.0)))
