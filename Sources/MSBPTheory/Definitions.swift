import ExactArithmetic

/// Definition 1 (convex-smooth angle): `φ(ℓ) = arccos √(μ/L)` for a loss that
/// is μ-strongly convex and L-smooth.
///
/// The paper requires `0 < μ < L` so that φ ∈ (0, π/2); we also accept the
/// degenerate `μ = L` (then φ = 0: the gradient points exactly at w*), which
/// the paper sets aside as "trivial" in Appendix D.2 but which breaks nothing.
/// - Throws: `outOfRange` unless `0 < μ <= L`.
public func convexSmoothAngle(mu: Rational, L: Rational) throws -> QuadraticAngle {
  if mu.signValue <= 0 {
    throw TheoryError.outOfRange(what: "mu", value: "\(mu)", allowed: "(0, L]")
  }
  if mu > L {
    throw TheoryError.outOfRange(what: "mu", value: "\(mu)", allowed: "(0, L = \(L)]")
  }
  return try QuadraticAngle.arccos(squareRootOf: mu / L)
}

/// Definition 2 (gradient estimation angle): `δ = ⟨g, ∂ℓ/∂v⟩` between an
/// estimate `g` and the true gradient.
/// - Throws: `dimensionMismatch`, or `zeroVector` when either vector is 0
///   (the angle, and so δ, is undefined there).
public func gradientEstimationAngle(estimate g: [Rational], trueGradient: [Rational]) throws -> QuadraticAngle {
  try QuadraticAngle.between(g, trueGradient, uName: "estimate g", vName: "true gradient")
}
