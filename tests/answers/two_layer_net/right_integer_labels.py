"""The CS231n style: turn the one-hot targets into labels, pick the true-class log-probability
with fancy indexing, and subtract 1 from the true class's probability for the score gradient."""
import numpy as np


def two_layer_net(params, x, t):
    N = x.shape[0]
    labels = np.argmax(t, axis=1)

    z1 = x.dot(params['W1']) + params['b1']
    a1 = 1.0 / (1.0 + np.exp(-z1))
    scores = a1.dot(params['W2']) + params['b2']
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    probs = np.exp(shifted)
    probs /= np.sum(probs, axis=1, keepdims=True)
    loss = -np.mean(np.log(probs[np.arange(N), labels]))

    dscores = probs.copy()
    dscores[np.arange(N), labels] -= 1
    dscores /= N
    dW2 = a1.T.dot(dscores)
    db2 = np.sum(dscores, axis=0)
    dz1 = dscores.dot(params['W2'].T) * a1 * (1 - a1)
    dW1 = x.T.dot(dz1)
    db1 = np.sum(dz1, axis=0)
    return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
