"""Scalar autograd: a Value class with backward().

Build a tiny reverse-mode automatic differentiation engine over scalars. A Value wraps one number
(`data`) and, after `backward()` is called on some final Value L, holds `grad` = dL/d(this value).

Every operation creates a new Value that remembers its inputs (`_prev`) and a `_backward` closure
that applies the chain rule for that one operation:

    out = a * b      ->   a.grad += b.data * out.grad,   b.grad += a.data * out.grad

Support, with the usual meaning:
- `a + b`, `a - b`, `a * b`, `a / b` where either side may be a plain number (a Python int or
  float, or a numpy scalar such as np.float64(2.0)): `2 * v`, `v - 1.5`, `3 / v` all work;
- `v ** n` for a number n (int or float; v > 0 whenever n is not an integer);
- `-v`, `v.tanh()`, `v.relu()` = max(v, 0), `v.exp()`, `v.log()` (natural log, v > 0).

`L.backward()` sets dL/dL = 1 and propagates gradients to every Value L depends on:
- in reverse topological order: a node passes its gradient on only after every node that uses it
  has added its contribution;
- gradients accumulate: a Value used several times (x * x, or x in two different places) receives
  the sum of the contributions of all its uses.

backward() is called once per graph, on fresh Values (every grad starts at 0). The checker builds
random expression graphs of up to a few hundred nodes, with nodes reused many times, and compares
every node's data with the arithmetic and every leaf's grad with finite differences. Graphs never
sit on a kink (relu at 0) or outside a domain (log of a non-positive number, division by 0).

numpy and the standard library only (math is enough).
"""
import math


class Value:
    """A scalar, the operation that produced it, and the gradient of the final output w.r.t. it.

    Attributes:
    - data: the number (a float)
    - grad: d(output)/d(this Value), 0.0 until backward() is called on the output
    - _backward: a function of no arguments that adds this node's share of the gradient to the
      grads of its inputs (does nothing for a leaf)
    - _prev: the Values this one was computed from
    - _op: the operation's name, for printing
    """

    def __init__(self, data, _children=(), _op=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    def __add__(self, other):
        """
        self + other.

        Inputs:
        - other: a Value or a number

        Returns a new Value whose data is self.data + other.data and whose _backward adds
        out.grad to the grad of each input.
        """
        raise NotImplementedError

    def __radd__(self, other):
        """other + self, for a number other (Python calls v.__radd__(2) for 2 + v)."""
        raise NotImplementedError

    def __sub__(self, other):
        """self - other; other a Value or a number. Returns a new Value."""
        raise NotImplementedError

    def __rsub__(self, other):
        """other - self, for a number other (Python calls v.__rsub__(2) for 2 - v)."""
        raise NotImplementedError

    def __mul__(self, other):
        """self * other; other a Value or a number. Returns a new Value."""
        raise NotImplementedError

    def __rmul__(self, other):
        """other * self, for a number other (Python calls v.__rmul__(2) for 2 * v)."""
        raise NotImplementedError

    def __truediv__(self, other):
        """self / other; other a Value or a number, never 0. Returns a new Value."""
        raise NotImplementedError

    def __rtruediv__(self, other):
        """other / self, for a number other (Python calls v.__rtruediv__(2) for 2 / v)."""
        raise NotImplementedError

    def __pow__(self, exponent):
        """
        self ** exponent.

        Inputs:
        - exponent: a number (int or float), not a Value

        Returns a new Value with data self.data ** exponent.
        """
        raise NotImplementedError

    def __neg__(self):
        """-self. Returns a new Value."""
        raise NotImplementedError

    def tanh(self):
        """tanh(self). Returns a new Value."""
        raise NotImplementedError

    def relu(self):
        """max(self, 0). Returns a new Value."""
        raise NotImplementedError

    def exp(self):
        """e ** self. Returns a new Value."""
        raise NotImplementedError

    def log(self):
        """The natural log of self, for self.data > 0. Returns a new Value."""
        raise NotImplementedError

    def backward(self):
        """
        Computes d(self)/d(v) for every Value v that self depends on, stored in v.grad.

        Sets self.grad = 1, then calls each node's _backward in reverse topological order.
        Returns nothing.
        """
        raise NotImplementedError
