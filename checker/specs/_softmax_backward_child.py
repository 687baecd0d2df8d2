"""What of the softmax_backward kata runs in the child: the driver that hands the user's backward the output y
instead of the logits. Nothing of the checking is here."""


def softmax_backward_of_y(module, dout, y, x):
    """Runs in the child: the user's softmax_backward gets dout and the output y, never x."""
    return module.softmax_backward(dout, y)
