"""No closures: each node keeps (input, local derivative) pairs, and backward() walks the graph
in Kahn's order, a node released once every node that uses it has passed its gradient on."""
import math


class Value:
    def __init__(self, data, _children=(), _op=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op
        self.local = []  # [(input Value, d self / d input)], one entry per use of the input

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    @classmethod
    def make(cls, data, op, *pairs):
        out = cls(data, [v for v, _ in pairs], op)
        out.local = list(pairs)
        return out

    def __add__(self, other):
        if not isinstance(other, Value):
            return Value.make(self.data + other, "+c", (self, 1.0))
        return Value.make(self.data + other.data, "+", (self, 1.0), (other, 1.0))

    def __radd__(self, other):
        return self + other

    def __mul__(self, other):
        if not isinstance(other, Value):
            return Value.make(self.data * other, "*c", (self, other))
        return Value.make(self.data * other.data, "*", (self, other.data), (other, self.data))

    def __rmul__(self, other):
        return self * other

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return (-self) + other

    def __truediv__(self, other):
        if not isinstance(other, Value):
            return self * (1.0 / other)
        return self * other ** -1

    def __rtruediv__(self, other):
        return self ** -1 * other

    def __pow__(self, n):
        return Value.make(self.data ** n, "**", (self, n * self.data ** (n - 1)))

    def tanh(self):
        t = math.tanh(self.data)
        return Value.make(t, "tanh", (self, 1 - t ** 2))

    def relu(self):
        return Value.make(self.data if self.data > 0 else 0.0, "relu", (self, float(self.data > 0)))

    def exp(self):
        e = math.exp(self.data)
        return Value.make(e, "exp", (self, e))

    def log(self):
        return Value.make(math.log(self.data), "log", (self, 1 / self.data))

    def backward(self):
        # Count, for every node, how many uses wait to hand it a gradient.
        waiting, seen, stack = {}, {id(self)}, [self]
        while stack:
            node = stack.pop()
            for child, _ in node.local:
                waiting[id(child)] = waiting.get(id(child), 0) + 1
                if id(child) not in seen:
                    seen.add(id(child))
                    stack.append(child)
        self.grad = 1.0
        ready = [self]
        while ready:
            node = ready.pop()
            for child, derivative in node.local:
                child.grad += derivative * node.grad
                waiting[id(child)] -= 1
                if waiting[id(child)] == 0:
                    ready.append(child)
