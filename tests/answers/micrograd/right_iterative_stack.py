"""Closures for the local rules; the topological order comes from an explicit stack (no
recursion), each node pushed again after its children so it is emitted once they are done."""
import math


class Value:
    def __init__(self, data, _children=(), _op=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    @staticmethod
    def _lift(x):
        return x if isinstance(x, Value) else Value(float(x))

    def _unary(self, data, local, op):
        out = Value(data, (self,), op)

        def backward():
            self.grad += local * out.grad
        out._backward = backward
        return out

    def _binary(self, other, data, local_self, local_other, op):
        out = Value(data, (self, other), op)

        def backward():
            self.grad += local_self * out.grad
            other.grad += local_other * out.grad
        out._backward = backward
        return out

    def __add__(self, other):
        other = self._lift(other)
        return self._binary(other, self.data + other.data, 1.0, 1.0, "+")

    def __sub__(self, other):
        other = self._lift(other)
        return self._binary(other, self.data - other.data, 1.0, -1.0, "-")

    def __mul__(self, other):
        other = self._lift(other)
        return self._binary(other, self.data * other.data, other.data, self.data, "*")

    def __truediv__(self, other):
        other = self._lift(other)
        q = self.data / other.data
        return self._binary(other, q, 1.0 / other.data, -q / other.data, "/")

    def __radd__(self, other):
        return self._lift(other) + self

    def __rsub__(self, other):
        return self._lift(other) - self

    def __rmul__(self, other):
        return self._lift(other) * self

    def __rtruediv__(self, other):
        return self._lift(other) / self

    def __pow__(self, n):
        return self._unary(self.data ** n, n * self.data ** (n - 1), f"**{n}")

    def __neg__(self):
        return self._unary(-self.data, -1.0, "neg")

    def tanh(self):
        t = math.tanh(self.data)
        return self._unary(t, 1.0 - t * t, "tanh")

    def relu(self):
        return self._unary(max(self.data, 0.0), 1.0 if self.data > 0 else 0.0, "relu")

    def exp(self):
        e = math.exp(self.data)
        return self._unary(e, e, "exp")

    def log(self):
        return self._unary(math.log(self.data), 1.0 / self.data, "log")

    def backward(self):
        order, done, stack = [], set(), [(self, False)]
        while stack:
            node, children_done = stack.pop()
            if children_done:
                order.append(node)
                continue
            if id(node) in done:
                continue
            done.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in node._prev if id(child) not in done)
        self.grad = 1.0
        for node in reversed(order):
            node._backward()
