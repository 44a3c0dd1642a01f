// Placeholder until the benchmark lands: see Guides/ExactLinearAlgebra.md.
print("linalg-bench: not yet implemented")
