import ExactArithmetic
import ExactLinearAlgebra

/// A certified ρ for Lemma D.2 (and the well-posedness assumption, Eq. 27):
/// `ρ = L/μ >= σ_max/σ_min` for the eigenvalues of `AAᵀ`.
public struct ConditioningCertificate: Sendable {
  /// μ <= λ_min(AAᵀ), μ > 0.
  public let mu: Rational
  /// L >= λ_max(AAᵀ).
  public let L: Rational
  /// ρ = L/μ, a valid ρ for Lemma D.2.
  public var rho: Rational { L / mu }
  /// A proven lower bound of σ_max/σ_min (so ρ is within the certificate's gap of optimal).
  public let lowerBound: Rational
}

/// Lemma D.2's ρ for a matrix A (m×n rows, m <= n), via ExactLinearAlgebra's certified
/// extreme eigenvalues of AAᵀ; the certificate is re-verified here by exact
/// semidefiniteness tests before it is returned.
/// - Throws: `unsupported` when m > n (AAᵀ singular), `notPositiveDefinite` when the rows of
///   A are dependent, and the linear-algebra errors for malformed matrices.
public func lemmaD2Conditioning(_ a: [[Rational]], relativeGap: Rational = Rational(1, 1 << 30)) throws -> ConditioningCertificate {
  let m = a.count
  guard m > 0, let n = a.first?.count else {
    throw TheoryError.outOfRange(what: "rows of A", value: "0", allowed: "[1, ∞)")
  }
  for (i, row) in a.enumerated() { try VectorMath.requireCount(row, n, "row \(i) of A") }
  if m > n { throw TheoryError.unsupported("A is \(m)×\(n) with m > n, so AAᵀ is singular; Lemma D.2 needs m <= n") }
  let gram = (0..<m).map { i in (0..<m).map { j in VectorMath.dot(a[i], a[j]) } }
  guard Definiteness.isPositive(gram, strict: true) else { throw TheoryError.notPositiveDefinite("AAᵀ") }
  let bounds = try conditionNumberSquaredBounds(try RationalMatrix(rows: a), relativeGap: relativeGap)
  let mu = bounds.spectrum.mu
  let L = bounds.spectrum.L
  try verifyEigenvalueCertificate(gram, mu: mu, L: L, name: "AAᵀ")
  return ConditioningCertificate(mu: mu, L: L, lowerBound: bounds.lower)
}
