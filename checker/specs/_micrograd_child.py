"""What of the micrograd kata runs in the child: a program's operations, and the drivers that build its graph
with the user's Value and read it back. Nothing of the checking is here (the reference evaluation, its local
derivatives and the mistakes stay in the spec entry).
"""
import numpy as np

BINARY = ("add", "sub", "mul", "div")
REFLECTED = ("radd", "rsub", "rmul", "rdiv")
UNARY = ("neg", "tanh", "relu", "exp", "log")
OPS = BINARY + REFLECTED + ("pow",) + UNARY


def node_indices(step) -> list:
    """The node index of each operand of a step, None where the operand is a number."""
    op = step[0]
    if op in UNARY:
        return [step[1]]
    if op in REFLECTED:
        return [None, step[2]]
    if op == "pow" or type(step[2]) is not int:
        return [step[1], None]
    return [step[1], step[2]]


def operands(step, values) -> tuple[list, list]:
    """(the node index of each operand or None, the operand values with numbers as floats)."""
    indices = node_indices(step)
    return indices, [values[i] if i is not None else float(o) for i, o in zip(indices, step[1:])]


APPLY = {
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b, "pow": lambda a, b: a ** b,
    "radd": lambda c, b: c + b, "rsub": lambda c, b: c - b, "rmul": lambda c, b: c * b,
    "rdiv": lambda c, b: c / b,
    "neg": lambda a: -a, "tanh": lambda a: a.tanh(), "relu": lambda a: a.relu(),
    "exp": lambda a: a.exp(), "log": lambda a: a.log(),
}


def build_graph(module, leaves, program):
    """The user's Value nodes of the program, leaves first."""
    nodes = [module.Value(float(x)) for x in leaves]
    for step in program:
        args = [nodes[i] if i is not None else c for i, c in zip(node_indices(step), step[1:])]
        nodes.append(APPLY[step[0]](*args))
    return nodes


def graph_data(module, leaves, program):
    """Every node's data, leaves first (backward() is not called)."""
    return np.array([float(node.data) for node in build_graph(module, leaves, program)])


def graph_grads(module, leaves, program):
    """The gradient of the last node w.r.t. each leaf, after backward() on the last node."""
    nodes = build_graph(module, leaves, program)
    nodes[-1].backward()
    return np.array([float(node.grad) for node in nodes[:len(leaves)]])
