#!/usr/bin/env python3
"""Regenerates the constructed fixtures of Fixtures/quadratics (exact, with
Python's fractions). Each matrix is Q diag(lambda) Q^T for a rational
orthogonal Q, so its spectrum is known by construction; the tests rebuild
the same construction in Swift and compare. Run from this directory:
    python3 generate.py
Hand-written fixtures (two-by-two.json and the invalid/ files) are not touched.
"""
from fractions import Fraction as F
import json


def s(x):
    x = F(x)
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def householder(v):
    """Q = I - 2 v v^T / (v^T v): rational, orthogonal, symmetric."""
    n = len(v)
    vv = sum(F(a) * a for a in v)
    return [[(1 if i == j else 0) - F(2) * v[i] * v[j] / vv for j in range(n)] for i in range(n)]


def conjugate(q, lam):
    n = len(lam)
    return [[sum(q[i][k] * lam[k] * q[j][k] for k in range(n)) for j in range(n)] for i in range(n)]


def dump(name, doc):
    """Writes doc with one line per key, per matrix row and per vector."""
    lines = []
    for key, value in doc.items():
        if key in ("A",) or (key == "estimator" and "g" in value):
            rows = value if key == "A" else value["g"]
            inner = ",\n".join("    " + json.dumps(r) for r in rows)
            text = "[\n" + inner + "\n  ]"
            if key == "estimator":
                text = '{"kind": "given", "g": ' + text + "}"
            lines.append(f'  "{key}": {text}')
        else:
            lines.append(f'  "{key}": {json.dumps(value)}')
    with open(name, "w") as f:
        f.write("{\n" + ",\n".join(lines) + "\n}\n")


# Ill-conditioned: eigenvalues 1, 1000, 10^6 (condition number exactly 10^6),
# Householder vector (1, 2, 2).
q3 = householder([F(1), F(2), F(2)])
ill = conjugate(q3, [F(1), F(1000), F(10**6)])
dump("ill-conditioned.json", {
    "A": [[s(x) for x in row] for row in ill],
    "minimizer": ["1", "2", "3"],
    "start": ["0", "0", "0"],
    "estimator": {"kind": "exact"},
    "theta": "auto",
    "steps": 5,
})

# 64-dimensional: eigenvalues 1 + i/63 in [1, 2], Householder vector (1, 2, ..., 64).
n = 64
q64 = householder([F(i + 1) for i in range(n)])
lam64 = [1 + F(i, n - 1) for i in range(n)]
a64 = conjugate(q64, lam64)
dump("sixty-four.json", {
    "A": [[s(x) for x in row] for row in a64],
    "minimizer": [s(F((-1) ** i * (i % 7), 3)) for i in range(n)],
    "start": ["0"] * n,
    "estimator": {"kind": "topk", "k": 48},
    "theta": "auto",
    "steps": 20,
})

# Hypothesis fails at some steps: theta fixed at cos(theta) = 1/5 while top_1
# of a 3 x 3 gradient swings delta; eigenvalues 3, 7/2, 4 (Householder (2, 1, 2)).
q = householder([F(2), F(1), F(2)])
dump("hypothesis-fails-sometimes.json", {
    "A": [[s(x) for x in row] for row in conjugate(q, [F(3), F(7, 2), F(4)])],
    "minimizer": ["1", "1", "-1"],
    "start": ["0", "0", "0"],
    "estimator": {"kind": "topk", "k": 1},
    "theta": {"cos": "1/5"},
    "steps": 8,
})

# Linear term b instead of the minimizer: A = diag-conjugate with eigenvalues
# 1, 2, 5 (Householder (1, 1, 1)); w* = A^-1 b with b = A (1/2, -1, 3/2).
q = householder([F(1), F(1), F(1)])
a = conjugate(q, [F(1), F(2), F(5)])
wstar = [F(1, 2), F(-1), F(3, 2)]
b = [sum(a[i][j] * wstar[j] for j in range(3)) for i in range(3)]
dump("linear-term-b.json", {
    "A": [[s(x) for x in row] for row in a],
    "b": [s(x) for x in b],
    "start": ["0", "0", "0"],
    "estimator": {"kind": "exact"},
    "theta": {"sin": "99/100"},
    "steps": 4,
})

# Estimator kinds. exact: eigenvalues 1 and 4 (Householder (1, 2)), theta given by its sine.
q = householder([F(1), F(2)])
dump("estimator-exact.json", {
    "A": [[s(x) for x in row] for row in conjugate(q, [F(1), F(4)])],
    "minimizer": ["2", "-1"],
    "start": ["0", "0"],
    "estimator": {"kind": "exact"},
    "theta": {"sin": "9/10"},
    "steps": 3,
})

# randomk: 4 x 4, eigenvalues 1, 1, 3/2, 2 (Householder (1, 1, 1, 1)), k = 3, seeded.
q = householder([F(1), F(1), F(1), F(1)])
dump("estimator-randomk.json", {
    "A": [[s(x) for x in row] for row in conjugate(q, [F(1), F(1), F(3, 2), F(2)])],
    "minimizer": ["1", "0", "-1", "2"],
    "start": ["0", "0", "0", "0"],
    "estimator": {"kind": "randomk", "k": 3, "seed": 2020},
    "theta": "auto",
    "steps": 6,
})

# given: A = [[3, 1], [1, 3]] (eigenvalues 2 and 4), w* = 0, w_0 = (1, 0), so
# the true gradient at w_0 is (3, 1); the first estimate is exactly it
# (delta = 0), the others are fixed directions.
dump("estimator-given.json", {
    "A": [["3", "1"], ["1", "3"]],
    "minimizer": ["0", "0"],
    "start": ["1", "0"],
    "estimator": {"kind": "given", "g": [["3", "1"], ["1", "0"], ["1", "1/2"]]},
    "theta": {"cos": "1/2"},
    "steps": 3,
})
