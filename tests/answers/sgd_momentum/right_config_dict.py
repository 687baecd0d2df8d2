"""The course's shape: settings in a config dict, the next weights computed from it."""
import numpy as np


def sgd_momentum(w, dw, velocity, lr=1e-2, momentum=0.9):
    config = {"learning_rate": lr, "momentum": momentum, "velocity": velocity}
    v = config["momentum"] * config["velocity"] - config["learning_rate"] * dw
    next_w = w + v
    config["velocity"] = v
    return next_w, config["velocity"]
