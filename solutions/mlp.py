"""Multilayer perceptron: ReLU between layers, mean softmax cross-entropy on top.

Forward, keeping each layer's input a_l. Backward, from the top:
    dscores = (softmax(scores) − onehot(labels)) / N        (the 1/N of the mean, taken once)
and for each layer l, from the last down, with dz the gradient of its output z_l = a_l W_l + b_l:
    dW_l = a_lᵀ dz,   db_l = Σ_n dz,   da_l = dz W_lᵀ,   then dz = da_l · [z_{l−1} > 0]  (ReLU)
log softmax = s − max − log Σ exp(s − max) is exact for scores of any size.
"""
import numpy as np


def mlp(params, x, labels):
    """
    Inputs:
    - params: list of (W (D_in, D_out), b (D_out,))
    - x: (N, D_0); labels: int (N,)

    Returns:
    - loss: float; grads: list of (dW, db), in the order of params
    """
    inputs = [x]  # a_l, the input of layer l
    for W, b in params[:-1]:
        inputs.append(np.maximum(inputs[-1] @ W + b, 0.0))
    W, b = params[-1]
    scores = inputs[-1] @ W + b
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = x.shape[0]
    loss = -log_p[np.arange(n), labels].mean()

    dz = np.exp(log_p)
    dz[np.arange(n), labels] -= 1.0
    dz /= n
    grads = []
    for layer in reversed(range(len(params))):
        a = inputs[layer]
        grads.append((a.T @ dz, dz.sum(axis=0)))
        if layer:
            dz = (dz @ params[layer][0].T) * (a > 0)  # a = max(z, 0) > 0 exactly where z > 0
    return float(loss), grads[::-1]
