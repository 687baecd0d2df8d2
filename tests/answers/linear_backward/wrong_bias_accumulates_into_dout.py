"""expect: mutated_input

db starts as a view of dout's first row and accumulates into it, so dout is changed and dx, dW
come out wrong too."""
import numpy as np
def linear_backward(dout, x, W, b):
    db = dout[0]
    for row in dout[1:]:
        db += row           # db is a view of dout: modifies dout
    return dout @ W.T, x.T @ dout, db
