"""What of the lstm_step kata runs in the child: the driver that hands the user's backward its two upstream
gradients. Nothing of the checking is here (the reference and its gradients stay in the spec entry)."""


def backward_of_packed(module, dout, x, prev_h, prev_c, Wx, Wh, b):
    """Runs in the child: the user's backward gets dnext_h and dnext_c as two arguments."""
    return module.lstm_step_backward(dout[0], dout[1], x, prev_h, prev_c, Wx, Wh, b)
