"""Written outside the project: CS231n-style dicts and a training loop."""
import numpy as np

def loss_and_grads(params, X, y_onehot):
    W1, b1, W2, b2 = params['W1'], params['b1'], params['W2'], params['b2']
    N = X.shape[0]
    z1 = X.dot(W1) + b1
    h = 1.0 / (1.0 + np.exp(-z1))
    scores = h.dot(W2) + b2
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -np.sum(y_onehot * log_probs) / N
    dscores = np.exp(log_probs)
    dscores -= y_onehot
    dscores /= N
    grads = {}
    grads['W2'] = h.T.dot(dscores)
    grads['b2'] = dscores.sum(axis=0)
    dh = dscores.dot(W2.T)
    dz1 = dh * h * (1 - h)
    grads['W1'] = X.T.dot(dz1)
    grads['b1'] = dz1.sum(axis=0)
    return loss, grads

def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    rng = np.random.default_rng(seed)
    D, C = x.shape[1], t.shape[1]
    params = {
        'W1': 0.5 * rng.standard_normal((D, hidden_size)),
        'b1': np.zeros(hidden_size),
        'W2': 0.5 * rng.standard_normal((hidden_size, C)),
        'b2': np.zeros(C),
    }
    loss_history = []
    N = x.shape[0]
    for it in range(iters):
        idx = rng.choice(N, batch_size, replace=False)
        loss, grads = loss_and_grads(params, x[idx], t[idx])
        loss_history.append(float(loss))
        for p in params:
            params[p] = params[p] - lr * grads[p]
    return params, loss_history
