import numpy as np

from checker.draws import mixed_values, shape_text
from checker.spec import Case, Kata, Value


def reference(grad, shape):
    added = grad.ndim - len(shape)
    ones = tuple(added + axis for axis, size in enumerate(shape) if size == 1)
    return np.asarray(np.sum(grad, axis=tuple(range(added)) + ones).reshape(shape), dtype=np.float64)


# (grad's shape, x's shape): added leading axes, size-1 axes (in front, inside, at the end, beside
# a leading axis), the () shape of a scalar, 0-d grads, and shapes where nothing is summed.
SHAPES = [((4, 3), (3,)), ((2, 3, 4), (3, 1)), ((5,), ()), ((), ()), ((3, 2, 4, 5), (2, 1, 5)),
          ((4, 3), (4, 3)), ((1, 5), (5,)), ((3, 4), (1, 1)), ((2, 1, 4), (1, 4)), ((2, 3, 4), ()),
          ((3, 5, 2), (1, 5, 1))]


def draws(rng):
    for grad_shape, shape in SHAPES:
        yield Case(f"grad {shape_text(grad_shape)} -> shape {shape_text(shape)}",
                   {"grad": mixed_values(rng, grad_shape, kinks=()), "shape": shape})


KATA = Kata(
    name="unbroadcast",
    title="Sum a gradient back to the shape that was broadcast",
    topic="autograd",
    difficulty="easy",
    source="micrograd and tinygrad's broadcasting backward; PyTorch's sum_to_size",
    functions=("unbroadcast",),
    checks=(
        Value("unbroadcast", reference=reference, cases=draws, outputs=("dx",),
              title="dx has x's shape and sums grad over every copy"),
    ),
    hints=(
        "Broadcasting first pads shape with 1s on the left to grad.ndim axes, then repeats every size-1 axis: "
        "each entry of x gets the sum of grad over all its copies.",
        "Sum over the first grad.ndim − len(shape) axes (the added ones) first; then the remaining axes line "
        "up with shape.",
        "Then sum over every axis where shape has size 1 with keepdims=True, so (3, 1) stays (3, 1); for "
        "shape () this sums everything.",
    ),
    explanations={
        "wrong_shape": "dx has exactly x's shape: sum away the added leading axes, and keep the size-1 axes "
                       "(keepdims=True) while summing over them.",
        "wrong_value": "Each entry of x is copied along the added axes and its size-1 axes, and receives the "
                       "sum (not the mean) of grad over those copies.",
        "exception": "Compare shapes from the right, as numpy does: x's last axis lines up with grad's last, "
                     "and the first grad.ndim − len(shape) axes of grad are the added ones.",
    },
)
