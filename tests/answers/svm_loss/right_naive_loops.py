"""CS231n's svm_loss_naive: a loop over samples and classes, gradient accumulated term by term."""
import numpy as np


def svm_loss(scores, y):
    num_train, num_classes = scores.shape
    loss = 0.0
    dscores = np.zeros_like(scores)
    for i in range(num_train):
        correct_class_score = scores[i, y[i]]
        for j in range(num_classes):
            if j == y[i]:
                continue
            margin = scores[i, j] - correct_class_score + 1
            if margin > 0:
                loss += margin
                dscores[i, j] += 1
                dscores[i, y[i]] -= 1
    return loss / num_train, dscores / num_train
