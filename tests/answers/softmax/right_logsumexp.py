"""Through the log: log softmax(x) = x − logsumexp(x), with the max pulled out of the logsumexp."""
import numpy as np


def softmax(x):
    m = x.max(axis=-1, keepdims=True)
    logsumexp = m + np.log(np.exp(x - m).sum(axis=-1, keepdims=True))
    return np.exp(x - logsumexp)
