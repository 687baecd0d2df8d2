import math

import numpy as np

from checker.spec import STEP, Case, Gradient, Kata, Mistake, Value, redraw_until
from checker.specs._micrograd_child import (BINARY, OPS, REFLECTED, UNARY, graph_data, graph_grads, node_indices,
                                            operands)

# A program is a list of steps, each a plain tuple. Node i is leaves[i] for i < len(leaves), then
# one node per step. A node is named by its index, always a Python int; a number is a float, a
# numpy scalar, or a Python int where no node can stand (left of an r-operation, an exponent).
#   ("add" | "sub" | "mul" | "div", i, j or number)   nodes[i] + nodes[j], nodes[i] / 2.5, ...
#   ("radd" | "rsub" | "rmul" | "rdiv", number, j)    2.5 + nodes[j], 3 - nodes[j], ...
#   ("pow", i, number)                                nodes[i] ** 2
#   ("neg" | "tanh" | "relu" | "exp" | "log", i)      -nodes[i], nodes[i].tanh(), ...
# --- the reference -----------------------------------------------------------------------------

ARITHMETIC = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
              "div": lambda a, b: a / b, "pow": lambda a, b: a ** b, "neg": lambda a: -a}
ARITHMETIC.update({f"r{op}": ARITHMETIC[op] for op in BINARY})
# Plain floats for one graph; numpy for a batch of graphs at once, leaves (L, B).
# (math.pow raises where a mistaken program leaves the domain; ** would return a complex number.)
SCALAR = dict(ARITHMETIC, pow=math.pow, tanh=math.tanh, relu=lambda a: max(a, 0.0), exp=math.exp, log=math.log)
BATCH = dict(ARITHMETIC, tanh=np.tanh, relu=lambda a: np.maximum(a, 0.0), exp=np.exp, log=np.log)

# d(out)/d(each operand), from the operands and the output.
LOCAL = {
    "add": lambda a, b, out: (1.0, 1.0),
    "sub": lambda a, b, out: (1.0, -1.0),
    "mul": lambda a, b, out: (b, a),
    "div": lambda a, b, out: (1.0 / b, -a / b ** 2),
    "pow": lambda a, n, out: (n * a ** (n - 1), 0.0),
    "neg": lambda a, out: (-1.0,),
    "tanh": lambda a, out: (1.0 - out ** 2,),
    "relu": lambda a, out: (1.0 if a > 0 else 0.0,),
    "exp": lambda a, out: (out,),
    "log": lambda a, out: (1.0 / a,),
}
LOCAL.update({f"r{op}": LOCAL[op] for op in BINARY})


_last_compiled: list = [None, 0, None]  # a program, its length, its steps as (op, indices, numbers)


def compiled(program) -> list:
    """The steps with their operands sorted out once. Finite differences evaluate one program
    twice per leaf, so the last one is kept (with the program itself, so that its id stays its own)."""
    if _last_compiled[0] is not program or _last_compiled[1] != len(program):
        steps = [(step[0], node_indices(step), [None if i is not None else float(o)
                                                for i, o in zip(node_indices(step), step[1:])])
                 for step in program]
        _last_compiled[:] = [program, len(program), steps]
    return _last_compiled[2]


def evaluate(leaves, program, forward=None) -> list:
    """Every node's value, leaves first."""
    leaves = np.asarray(leaves, dtype=np.float64)
    forward = forward or (SCALAR if leaves.ndim == 1 else BATCH)
    values = leaves.tolist() if leaves.ndim == 1 else list(leaves)
    for op, indices, numbers in compiled(program):
        values.append(forward[op](*[values[i] if i is not None else c for i, c in zip(indices, numbers)]))
    return values


def node_data(leaves, program):
    return np.array(evaluate(leaves, program))


def output(leaves, program):
    return evaluate(leaves, program)[-1]


def leaf_gradients(leaves, program, local=LOCAL, accumulate=True):
    """Reverse mode, steps in reverse order (a topological order by construction)."""
    values = evaluate(leaves, program)
    grads = [0.0] * len(values)
    grads[-1] = 1.0
    for position in range(len(program) - 1, -1, -1):
        out = len(leaves) + position
        indices, args = operands(program[position], values)
        for index, derivative in zip(indices, local[program[position][0]](*args, values[out])):
            if index is not None:
                contribution = derivative * grads[out]
                grads[index] = grads[index] + contribution if accumulate else contribution
    return np.array(grads[:len(leaves)])


# --- classic mistakes, as what they return ---------------------------------------------------

def with_forward(**changes):
    table = dict(SCALAR, **changes)
    return lambda leaves, program: np.array(evaluate(leaves, program, table))


def with_local(**changes):
    table = dict(LOCAL, **changes)
    table.update({f"r{op}": table[op] for op in BINARY if op in changes})
    return lambda leaves, program: leaf_gradients(leaves, program, local=table)


def overwritten(leaves, program):
    return leaf_gradients(leaves, program, accumulate=False)


DATA_MISTAKES = (
    Mistake("wrong_value", "data", with_forward(rsub=lambda c, b: b - c),
            "{var} is wrong after every c - v with a number c on the left: your __rsub__ returns "
            "self - other, i.e. v - c. Python calls v.__rsub__(c) for c - v, so it is other - self."),
    Mistake("wrong_value", "data", with_forward(rdiv=lambda c, b: b / c),
            "{var} is wrong after every c / v with a number c on the left: your __rtruediv__ returns "
            "self / other, i.e. v / c. Python calls v.__rtruediv__(c) for c / v, so it is other / self."),
)

POW_MESSAGE = ("{var} matches a ** n differentiated as n * a**n: the exponent drops by one, "
               "d(a**n)/da = n * a**(n - 1).")


def power_rule_without_the_minus_one(a, n, out):
    return (n * a ** n, 0.0)


GRAD_MISTAKES = (
    Mistake("wrong_gradient", "grads", with_local(pow=power_rule_without_the_minus_one), POW_MESSAGE),
    # The same slip where a / b is computed as a * b**-1: d/db = a * (-1 * b**-1).
    Mistake("wrong_gradient", "grads", with_local(pow=power_rule_without_the_minus_one,
                                                  div=lambda a, b, out: (1.0 / b, -a / b)), POW_MESSAGE),
    Mistake("output_for_input", "grads", with_local(tanh=lambda a, out: (1.0 - a ** 2,)),
            "{var} matches tanh differentiated as 1 - x**2 with x its input: the formula 1 - t**2 "
            "takes t = tanh(x), the output."),
    Mistake("wrong_gradient", "grads", with_local(div=lambda a, b, out: (1.0 / b, a / b ** 2)),
            "{var} matches a / b with d/db written +a / b**2: it is -a / b**2."),
)


# --- random programs ---------------------------------------------------------------------------

LIMIT = 10.0  # |data| of every node
SLOPE = 30.0  # |d node / d leaf| of every node: keeps finite differences accurate and kinks far
FLAT = 0.05  # the least max |d node / d leaf| of a node (a relu may still switch its input off)


def allowed(op, args) -> bool:
    """Inside the op's domain and far from its kink: a step of 1e-5 on a leaf moves a node by at
    most SLOPE * 1e-5, far less than these margins."""
    if op in ("div", "rdiv"):
        return abs(args[1]) >= 0.5
    a = args[0]
    return {"pow": a >= 0.3, "log": a >= 0.2, "exp": a <= 2.0, "relu": abs(a) >= 0.1,
            "tanh": abs(a) <= 3.0}.get(op, True)


class Builder:
    """Grows a program one step at a time, tracking each node's value and d(node)/d(leaves)."""

    def __init__(self, leaves):
        self.leaves = leaves
        self.values = leaves.tolist()
        self.slopes = list(np.eye(len(leaves)))
        self.program = []
        self.uses = [0] * len(leaves)

    def try_add(self, step) -> bool:
        indices, args = operands(step, self.values)
        if not allowed(step[0], args):
            return False
        value = SCALAR[step[0]](*args)
        slope = sum(d * self.slopes[i] for i, d in zip(indices, LOCAL[step[0]](*args, value)) if i is not None)
        steepest = np.max(np.abs(slope))
        if not abs(value) <= LIMIT or not steepest <= SLOPE or (steepest < FLAT and step[0] != "relu"):
            return False
        self.values.append(value)
        self.slopes.append(slope)
        self.program.append(step)
        self.uses.append(0)
        for index in {i for i in indices if i is not None}:
            self.uses[index] += 1
        return True

    def sum_of(self, nodes) -> None:
        """Adds the nodes up, so that the last node depends on each of them."""
        total = nodes[0]
        for node in nodes[1:]:
            self.values.append(self.values[total] + self.values[node])
            self.program.append(("add", total, node))
            total = len(self.values) - 1


def number(rng, left=False, divisor=False):
    """A number of a random kind: a float, a numpy scalar, or (left of an operator) a Python int.
    Never a numpy integer divisor: v / np.int64(2) is fair, but numpy refuses np.int64(2) ** -1,
    which the classic v * other ** -1 computes."""
    kind = rng.integers(2 if divisor else 4 if left else 3)
    value = float(np.round(rng.uniform(-2.0, 2.0), 2)) or 1.5
    if kind == 0:
        return value
    if kind == 1:
        return np.float64(value)
    return (np.int64 if kind == 2 else int)(rng.choice([-2, -1, 1, 2, 3]))


EXPONENTS = (2, 3, 0.5, -1, 1.5, -0.5, 2.0)


def random_step(rng, op, pick):
    if op in UNARY:
        return (op, pick())
    if op in REFLECTED:
        return (op, number(rng, left=True), pick())
    if op == "pow":
        exponent = EXPONENTS[rng.integers(len(EXPONENTS))]
        return (op, pick(), np.float64(exponent) if rng.random() < 0.3 else exponent)
    return (op, pick(), pick() if rng.random() < 0.6 else number(rng, divisor=op == "div"))


def random_program(rng, n_leaves, n_ops):
    """A DAG of n_ops steps over n_leaves leaves; nodes are reused often (recent ones most), and
    every node left unused is summed into the last, so every leaf matters."""
    builder = Builder(rng.uniform(-2.0, 2.0, n_leaves))

    def pick():
        count = len(builder.values)
        return int(count - 1 - rng.integers(min(count, 6)) if rng.random() < 0.5 else rng.integers(count))
    # Each kind of op at least once, then any.
    wanted = list(rng.permutation(OPS)) + [OPS[i] for i in rng.integers(len(OPS), size=4 * n_ops)]
    for op in wanted:
        if len(builder.program) >= n_ops:
            break
        any(builder.try_add(random_step(rng, str(op), pick)) for _ in range(20))
    builder.sum_of([i for i, uses in enumerate(builder.uses) if uses == 0])
    return builder.leaves, builder.program


def tree_program(rng, n_leaves, n_ops):
    """Every node used by exactly one later step; the only reuse is a node combined with itself
    (v + v, v * v). Gradients that overwrite instead of add get exactly one share of each such
    use, whatever order the nodes are visited in."""
    builder = Builder(rng.uniform(-1.5, 1.5, n_leaves))
    free = list(range(n_leaves))
    choices = {"self": ["add", "mul"], "pair": ["add", "mul", "sub"], "unary": ["neg", "tanh", "exp"],
               "number": ["add", "mul", "sub", "radd", "rmul", "rsub"]}
    for _ in range(20 * n_ops):
        if len(builder.program) >= n_ops:
            break
        kind = str(rng.choice(["self", "self", "pair", "number", "unary"]))
        if kind == "pair" and len(free) < 2:
            continue
        op = str(rng.choice(choices[kind]))
        chosen = [free.pop(int(rng.integers(len(free)))) for _ in range(2 if kind == "pair" else 1)]
        if kind == "number":
            step = (op, number(rng, left=True), chosen[0]) if op in REFLECTED else (op, chosen[0], number(rng))
        elif kind == "unary":
            step = (op, chosen[0])
        else:  # v op v for "self", v op w for "pair"
            step = (op, chosen[0], chosen[-1])
        if builder.try_add(step):
            free.append(len(builder.values) - 1)
        else:
            free.extend(chosen)
    builder.sum_of(free)
    return builder.leaves, builder.program


def one_level_program(rng, n_leaves):
    """Every kind of op, twice, straight on the leaves: data that is wrong here is wrong in that
    one operator, and nothing downstream can leave its domain because of it."""
    leaves = rng.uniform(0.5, 2.0, n_leaves) * np.where(np.arange(n_leaves) % 3 == 2, -1.0, 1.0)
    builder = Builder(leaves)
    for op in [str(op) for op in rng.permutation(OPS + OPS)]:
        any(builder.try_add(random_step(rng, op, lambda: int(rng.integers(n_leaves)))) for _ in range(50))
    return builder.leaves, builder.program


def differences_agree(leaves, program, h=STEP) -> bool:
    """Central differences of the output reproduce the exact gradient to 1e-7 (a hundredth of the
    check's tolerance), and the gradient is not flat: the draw is a fair test."""
    exact = leaf_gradients(leaves, program)
    shifts = np.concatenate([np.eye(len(leaves)), -np.eye(len(leaves))], axis=1) * h
    outputs = evaluate(np.asarray(leaves)[:, None] + shifts, program)[-1]
    numeric = (outputs[:len(leaves)] - outputs[len(leaves):]) / (2 * h)
    scale = np.max(np.abs(exact))
    error = np.abs(numeric - exact) / np.maximum(np.maximum(np.abs(numeric), np.abs(exact)), 1e-3 * scale)
    return scale >= 0.1 and np.max(error) <= 1e-7


def graph_case(leaves, program, kind="nodes"):
    return Case(f"{len(leaves)} leaves, {len(leaves) + len(program)} {kind}", {"leaves": leaves, "program": program})


def each_operation(rng):
    for n_leaves in (4, 7, 10):
        yield graph_case(*one_level_program(rng, n_leaves), "nodes, one op each")


def random_graphs(sizes):
    def draws(rng):
        for n_leaves, n_ops in sizes:
            yield graph_case(*redraw_until(lambda: random_program(rng, n_leaves, n_ops),
                                           lambda drawn: differences_agree(*drawn)))
    return draws


def reused_nodes(rng):
    x = rng.uniform(0.5, 1.5) * rng.choice([-1.0, 1.0])
    yield Case("x * x", {"leaves": np.array([x]), "program": [("mul", 0, 0)]})
    for n_leaves, n_ops in [(2, 6), (5, 30), (10, 80)]:
        yield graph_case(*redraw_until(lambda: tree_program(rng, n_leaves, n_ops),
                                       lambda drawn: differences_agree(*drawn)), "nodes, a tree")


KATA = Kata(
    name="micrograd",
    title="Scalar autograd: a Value class with backward()",
    topic="autograd",
    difficulty="hard",
    prerequisites=("numerical_gradient",),
    source="Karpathy, micrograd (engine.py) and 'The spelled-out intro to neural networks and backpropagation'",
    functions=("Value",),
    checks=(
        Value("Value", reference=node_data, cases=each_operation, outputs=("data",), mistakes=DATA_MISTAKES,
              driver=graph_data),
        Value("Value", reference=node_data, cases=random_graphs([(3, 25), (8, 100), (16, 250)]),
              outputs=("data",), mistakes=DATA_MISTAKES, driver=graph_data),
        Gradient("Value", forward=output, cases=reused_nodes, grads={"grads": "leaves"}, takes_dout=False,
                 driver=graph_grads, mistakes=(
                     Mistake("missing_accumulation", "grads", overwritten,
                             "{var}: a node used twice (v * v, v + v) gets the share of one use only: "
                             "its gradient is overwritten (grad = ...) instead of accumulated "
                             "(grad += ...)."),) + GRAD_MISTAKES),
        Gradient("Value", forward=output, cases=random_graphs([(2, 10), (6, 60), (12, 150), (20, 300)]),
                 grads={"grads": "leaves"}, takes_dout=False, driver=graph_grads, mistakes=GRAD_MISTAKES),
    ),
    hints=(
        "Each operation returns a new Value that remembers its inputs (_prev) and a _backward closure "
        "applying the chain rule for that one operation: input.grad += local derivative * out.grad.",
        "A number on either side becomes a Value first; Python calls v.__radd__(c) for c + v, "
        "v.__rsub__(c) for c - v (which is c - v, not v - c) and v.__rtruediv__(c) for c / v.",
        "backward(): build a topological order (depth-first, appending a node after all its "
        "children), set self.grad = 1, then call _backward() on each node in reverse order.",
        "Use += in every _backward: a node used twice (x * x) must collect both contributions. "
        "d(x**n)/dx = n*x**(n-1), tanh' = 1 - t**2 with t the output, relu' = [x > 0], exp' = exp(x), "
        "log' = 1/x.",
    ),
    explanations={
        "wrong_gradient": "Check each operation's local derivative, and that backward() runs the "
                          "_backward closures in reverse topological order: a node must have collected "
                          "the gradient of every node that uses it before it passes it on. Recursing into "
                          "the children from each node (depth-first) passes on a partial gradient.",
        "zero_gradient": "Every leaf's grad is 0: backward() must set the output's grad to 1 before it "
                         "runs the _backward closures, or nothing flows.",
        "missing_accumulation": "A Value used in several places receives one contribution from each "
                                "use; with grad = ... each use overwrites the last. Write grad += ... in "
                                "every _backward (grad starts at 0).",
        "wrong_value": "Compare each operator with the arithmetic it stands for; with a number on the "
                       "left, Python calls the reflected method (__radd__, __rsub__, __rmul__, "
                       "__rtruediv__) on the Value, with the number as `other`.",
        "exception": "The checker builds graphs with numbers (Python or numpy scalars) on either side "
                     "of + - * /, ** with a number exponent, and every method of the task.",
    },
)
