"""The form PyTorch's kernel uses: shift by m = max(−z, 0) before the exponentials."""
import numpy as np


def bce_with_logits(logits, targets):
    z, t = np.asarray(logits, dtype=float), np.asarray(targets, dtype=float)
    m = np.clip(-z, 0, None)
    loss = (1 - t) * z + m + np.log(np.exp(-m) + np.exp(-z - m))
    # σ(z) = e^−m / (e^−m + e^(−z−m)), with the same shift.
    sigmoid = np.exp(-m) / (np.exp(-m) + np.exp(-z - m))
    return float(loss.mean()), (sigmoid - t) / z.size
