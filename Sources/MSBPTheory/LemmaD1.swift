import ExactArithmetic

/// Lemma D.1 (triangle inequality for angles) on one instance:
/// `⟨a, b⟩ <= ⟨a, c⟩ + ⟨b, c⟩`, decided exactly.
public struct LemmaD1Report: Sendable {
  /// ⟨a, b⟩.
  public let ab: QuadraticAngle
  /// ⟨a, c⟩.
  public let ac: QuadraticAngle
  /// ⟨b, c⟩.
  public let bc: QuadraticAngle
  /// Sign of ⟨a, b⟩ − (⟨a, c⟩ + ⟨b, c⟩), exactly.
  public let comparison: Int
  /// The proof's key step (Eq. 56–57) in unit-vector form: with a₁, b₁ the
  /// parts of a, b orthogonal to c, `a₁·b₁ >= −‖a₁‖‖b₁‖` (Cauchy–Schwarz).
  public let orthogonalPartsStepHolds: Bool
  /// The lemma holds here.
  public var holds: Bool { comparison <= 0 }
}

/// Decides Lemma D.1 for non-zero rational vectors a, b, c of equal dimension.
/// - Throws: `dimensionMismatch` or `zeroVector` naming the vector.
public func checkLemmaD1(_ a: [Rational], _ b: [Rational], _ c: [Rational]) throws -> LemmaD1Report {
  try VectorMath.requireCount(b, a.count, "b")
  try VectorMath.requireCount(c, a.count, "c")
  let ab = try QuadraticAngle.between(a, b, uName: "a", vName: "b")
  let ac = try QuadraticAngle.between(a, c, uName: "a", vName: "c")
  let bc = try QuadraticAngle.between(b, c, uName: "b", vName: "c")
  // a₁ = a − (a·c/c·c) c (unnormalized projection; scaling does not change the sign test)
  let cc = VectorMath.squaredNorm(c)
  let a1 = VectorMath.subtract(a, VectorMath.scale(c, by: VectorMath.dot(a, c) / cc))
  let b1 = VectorMath.subtract(b, VectorMath.scale(c, by: VectorMath.dot(b, c) / cc))
  let dot = VectorMath.dot(a1, b1)
  // a₁·b₁ >= −‖a₁‖‖b₁‖  ⟺  dot >= 0 or dot² <= ‖a₁‖²‖b₁‖²
  let step = dot.signValue >= 0 || dot * dot <= VectorMath.squaredNorm(a1) * VectorMath.squaredNorm(b1)
  return LemmaD1Report(
    ab: ab, ac: ac, bc: bc, comparison: QuadraticAngle.compare(sum: ac, bc, with: ab) * -1,
    orthogonalPartsStepHolds: step)
}
