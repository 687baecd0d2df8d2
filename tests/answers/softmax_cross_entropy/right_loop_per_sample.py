"""One sample at a time, with a per-row log-sum-exp."""
import numpy as np


def softmax_cross_entropy(logits, labels):
    n, c = logits.shape
    loss = 0.0
    dlogits = np.zeros((n, c))
    for i in range(n):
        z = logits[i]
        m = z.max()
        log_sum = m + np.log(np.sum(np.exp(z - m)))
        loss += log_sum - z[labels[i]]
        dlogits[i] = np.exp(z - log_sum)
        dlogits[i, labels[i]] -= 1.0
    return loss / n, dlogits / n
