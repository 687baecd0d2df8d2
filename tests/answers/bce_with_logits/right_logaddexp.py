"""−log σ(z) = log(1 + e^−z) = logaddexp(0, −z); the loss is logaddexp(0, z) − t·z per element."""
import numpy as np


def bce_with_logits(logits, targets):
    loss = np.mean(np.logaddexp(0.0, logits) - targets * logits)
    sigmoid = 0.5 * (1.0 + np.tanh(0.5 * logits))
    return float(loss), (sigmoid - targets) / np.size(logits)
