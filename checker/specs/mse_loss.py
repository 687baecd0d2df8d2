import numpy as np

from checker.spec import Case, Grad, Kata, Loss, LossAndGrads, Mistake


def mse(pred, target):
    squared = np.square(pred - target)
    return float(squared.sum() / squared.size)


def draws(rng):
    # Odd, unequal sizes: a mean over the batch only is D× off, a sum S× off, and they differ.
    for shape in [(4, 3), (1, 5), (3, 2, 5), (7,)]:
        batch = shape[0] if len(shape) > 1 else None
        yield Case(f"pred {shape}", {"pred": rng.standard_normal(shape), "target": rng.standard_normal(shape)},
                   batch=batch)


def mean_over_first_axis(pred, target):
    return np.sum((pred - target) ** 2) / pred.shape[0]


def mean_over_first_axis_grad(pred, target):
    return 2 * (pred - target) / pred.shape[0]


def summed(pred, target):
    return np.sum((pred - target) ** 2)


def summed_grad(pred, target):
    return 2 * (pred - target)


KATA = Kata(
    name="mse_loss",
    title="Mean squared error and its gradient",
    topic="losses",
    difficulty="easy",
    source="Interview classic; the mean reduction of PyTorch's MSELoss",
    functions=("mse_loss",),
    checks=(
        LossAndGrads("mse_loss", loss=mse, cases=draws, returns=(Loss(), Grad("dpred", "pred")),
                     mistakes=(
                         Mistake("constant_scale", "loss", mean_over_first_axis,
                                 "{var} is divided by N = pred.shape[0] only; the mean runs over all "
                                 "pred.size elements."),
                         Mistake("constant_scale", "dpred", mean_over_first_axis_grad,
                                 "{var} is divided by N = pred.shape[0] only; the loss is a mean over "
                                 "all pred.size elements, so divide by pred.size."),
                         Mistake("constant_scale", "loss", summed,
                                 "{var} is the sum of the squared errors; the loss is their mean over "
                                 "all pred.size elements."),
                         Mistake("constant_scale", "dpred", summed_grad,
                                 "{var} is the gradient of the sum of the squared errors; the loss is "
                                 "their mean, so divide by pred.size."),
                     )),
    ),
    hints=(
        "Every entry of pred appears in exactly one squared term, so dpred is elementwise.",
        "Mind two constants: the 2 from the square and the 1/S of the mean, where S counts every "
        "element (pred.size), not only the rows.",
        "diff = pred - target; loss = np.mean(diff ** 2); dpred = 2 * diff / diff.size.",
    ),
    explanations={
        "constant_scale": "loss = sum((pred - target)^2) / pred.size, so dpred = 2 (pred - target) / "
                          "pred.size: check the 2 from the square, and divide by the number of "
                          "elements, not the batch size.",
        "sign_flip": "d/dpred (pred - target)^2 = 2 (pred - target): the difference is pred minus "
                     "target, not the other way round.",
    },
)
