import ExactArithmetic

/// Lemma D.2 (conditioning bound) on one instance:
/// `cos⟨Aᵀu, Aᵀv⟩ >= ρ cos⟨u, v⟩ + 1 − ρ`, decided exactly.
///
/// Hypotheses as checked (the printed ones are inconsistent, see
/// Proofs/LemmaD2.md): `A ∈ R^{m×n}` with `m <= n`, `AAᵀ` positive definite
/// (so Aᵀ is injective), `u, v ∈ R^m` non-zero, and `ρ >= σ_max/σ_min` for the
/// eigenvalues σ of `AAᵀ`. The bound on ρ is certified by `μ <= σ_min`,
/// `L >= σ_max` (checked exactly) and `ρ >= L/μ`.
public struct LemmaD2Report: Sendable {
  /// cos⟨Aᵀu, Aᵀv⟩ exactly.
  public let imageCosine: SurdSum
  /// ρ cos⟨u, v⟩ + 1 − ρ exactly.
  public let bound: SurdSum
  /// The lemma holds here.
  public let holds: Bool
}

/// Decides Lemma D.2 for `A` (rows), `u`, `v`, a certificate `μ <= σ_min(AAᵀ)`,
/// `L >= σ_max(AAᵀ)`, and `ρ` (default `L/μ`; must be `>= L/μ`).
/// - Throws: `dimensionMismatch`, `zeroVector`, `unsupported` when m > n (AAᵀ
///   is then singular), `notPositiveDefinite`, `invalidCertificate`.
public func checkLemmaD2(
  _ a: [[Rational]], u: [Rational], v: [Rational], mu: Rational, L: Rational, rho: Rational? = nil
) throws -> LemmaD2Report {
  let m = a.count
  guard m > 0, let n = a.first?.count else {
    throw TheoryError.outOfRange(what: "rows of A", value: "0", allowed: "[1, ∞)")
  }
  for (i, row) in a.enumerated() { try VectorMath.requireCount(row, n, "row \(i) of A") }
  if m > n {
    throw TheoryError.unsupported("A is \(m)×\(n) with m > n, so AAᵀ is singular; Lemma D.2 needs m <= n")
  }
  try VectorMath.requireCount(u, m, "u")
  try VectorMath.requireCount(v, m, "v")
  let gram = (0..<m).map { i in (0..<m).map { j in VectorMath.dot(a[i], a[j]) } }
  guard Definiteness.isPositive(gram, strict: true) else { throw TheoryError.notPositiveDefinite("AAᵀ") }
  try verifyEigenvalueCertificate(gram, mu: mu, L: L, name: "AAᵀ")
  let ratio = L / mu
  let r = rho ?? ratio
  if r < ratio { throw TheoryError.invalidCertificate("rho = \(r) is below L/mu = \(ratio)") }
  let x = VectorMath.multiplyTransposed(a, u)
  let y = VectorMath.multiplyTransposed(a, v)
  let image = try QuadraticAngle.between(x, y, uName: "Aᵀu", vName: "Aᵀv").cosine
  let source = try QuadraticAngle.between(u, v, uName: "u", vName: "v").cosine
  let bound = source * r + (Rational(1) - r)
  return LemmaD2Report(imageCosine: image, bound: bound, holds: image >= bound)
}

/// Checks `0 < μ <= λ_min(M)` and `L >= λ_max(M)` exactly for a symmetric M.
func verifyEigenvalueCertificate(_ m: [[Rational]], mu: Rational, L: Rational, name: String) throws {
  if mu.signValue <= 0 { throw TheoryError.invalidCertificate("mu = \(mu) must be > 0") }
  if !Definiteness.isPositive(Definiteness.shifted(m, by: Rational(0) - mu), strict: false) {
    throw TheoryError.invalidCertificate("mu = \(mu) exceeds lambda_min(\(name))")
  }
  if !Definiteness.isPositive(Definiteness.shifted(m, by: L, negate: true), strict: false) {
    throw TheoryError.invalidCertificate("L = \(L) is below lambda_max(\(name))")
  }
}
