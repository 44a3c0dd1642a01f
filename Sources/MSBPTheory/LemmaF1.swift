import ExactArithmetic

/// The deterministic core of Lemma F.1 (Eqs. 137–151) on one instance.
///
/// Per-instance true gradients `u_i` and estimates `v_i` with `‖u_i‖ = ‖v_i‖`
/// and `⟨u_i, v_i⟩ < θ`; `ū`, `v̄` are their means and
/// `β = Σ‖u_i‖ / (n‖ū‖) >= 1`. The proof shows
/// - Eq. 141: `Σ_i ‖v_i‖ cos⟨u_i, ū⟩ = n‖ū‖` (exact identity),
/// - Eq. 150: `‖v̄‖/‖ū‖ < 1 + 2β sin(θ/2)`,
/// - Eq. 146: `cos δ >= (‖ū‖/‖v̄‖)(cos θ − √(β² − 1) sin θ)`,
/// - Eq. 151: `cos δ > (cos θ − √(β² − 1) sin θ)/(1 + 2β sin(θ/2))` when
///   `cos θ − √(β² − 1) sin θ > 0`,
/// where δ = ⟨v̄, ū⟩. β is a sum of square roots and √(β² − 1) a nested
/// radical, so the inequalities are decided with certified interval bounds.
public struct LemmaF1Report: Sendable {
  /// Eq. 141 (exact).
  public let meanIdentityHolds: Bool
  /// Enclosure of β.
  public let beta: RationalInterval
  /// Eq. 150.
  public let normRatioBound: CertifiedTruth
  /// Eq. 146.
  public let cosineBound: CertifiedTruth
  /// Whether cos θ − √(β² − 1) sin θ > 0 (certified), the side condition of Eq. 151.
  public let finalBoundApplies: CertifiedTruth
  /// Eq. 151 (only meaningful when it applies).
  public let finalBound: CertifiedTruth
}

/// Decides Lemma F.1's deterministic inequalities for instance gradients `u`,
/// estimates `v` and `θ = arccos(cosTheta)`, `cosTheta ∈ (0, 1)`.
/// - Throws: `dimensionMismatch`, `zeroVector` (ū = 0 or some u_i = 0),
///   `outOfRange` when a hypothesis (equal norms, ⟨u_i, v_i⟩ < θ) fails.
public func checkLemmaF1(u: [[Rational]], v: [[Rational]], cosTheta c: Rational, precisionBits bits: Int = 96) throws -> LemmaF1Report {
  let n = u.count
  guard n > 0, n == v.count else {
    throw TheoryError.dimensionMismatch(what: "number of estimates v_i", expected: u.count, actual: v.count)
  }
  if c.signValue <= 0 || c >= Rational(1) {
    throw TheoryError.outOfRange(what: "cos θ", value: "\(c)", allowed: "(0, 1)")
  }
  let d = u[0].count
  let theta = try QuadraticAngle.arccos(c)
  for i in 0..<n {
    try VectorMath.requireCount(u[i], d, "u_\(i + 1)")
    try VectorMath.requireCount(v[i], d, "v_\(i + 1)")
    if VectorMath.squaredNorm(u[i]) != VectorMath.squaredNorm(v[i]) {
      throw TheoryError.outOfRange(what: "‖v_\(i + 1)‖ − ‖u_\(i + 1)‖", value: "≠ 0", allowed: "{0}")
    }
    let angle = try QuadraticAngle.between(u[i], v[i], uName: "u_\(i + 1)", vName: "v_\(i + 1)")
    if QuadraticAngle.compare(angle, theta) >= 0 {
      throw TheoryError.outOfRange(what: "⟨u_\(i + 1), v_\(i + 1)⟩", value: ">= θ", allowed: "[0, θ)")
    }
  }
  let scale = Rational(1, n)
  var uBar = [Rational](repeating: Rational(0), count: d)
  var vBar = uBar
  for i in 0..<n {
    uBar = VectorMath.add(uBar, VectorMath.scale(u[i], by: scale))
    vBar = VectorMath.add(vBar, VectorMath.scale(v[i], by: scale))
  }
  let uu = VectorMath.squaredNorm(uBar)
  if uu.isZeroValue { throw TheoryError.zeroVector("ū (mean gradient)") }
  let cosDelta = try QuadraticAngle.between(vBar, uBar, uName: "v̄", vName: "ū").cosine

  // Eq. 141: Σ u_i·ū = n ‖ū‖² (then divide by ‖ū‖).
  var sum = Rational(0)
  for i in 0..<n { sum = sum + VectorMath.dot(u[i], uBar) }
  let identity = sum == Rational(n) * uu

  func root(_ x: Rational) -> RationalInterval {
    let (lo, hi) = x.squareRootEnclosure(bits: bits)
    return RationalInterval(lo, hi)
  }
  var normSum = RationalInterval(Rational(0))
  for i in 0..<n { normSum = normSum + root(VectorMath.squaredNorm(u[i])) }
  let uNorm = root(uu)
  let vNorm = root(VectorMath.squaredNorm(vBar))
  guard let beta = normSum / (RationalInterval(Rational(n)) * uNorm), let ratio = vNorm / uNorm,
    let inverseRatio = uNorm / vNorm
  else {
    throw TheoryError.unsupported("norm enclosures contain 0 at \(bits) bits; raise precisionBits")
  }
  let sinTheta = root(Rational(1) - c * c)
  let sinHalf = root((Rational(1) - c) * Rational(1, 2))
  let betaRoot = (beta * beta - RationalInterval(Rational(1))).squareRoot(precisionBits: bits) ?? RationalInterval(Rational(0))
  let bracket = RationalInterval(c) - betaRoot * sinTheta
  let denominator = RationalInterval(Rational(1)) + RationalInterval(Rational(2)) * beta * sinHalf
  let cosInterval = cosDelta.intervalBounds(precisionBits: bits)

  func less(_ a: RationalInterval, _ b: RationalInterval) -> CertifiedTruth {
    if a.upper < b.lower { return .proved }
    if b.upper <= a.lower { return .refuted }
    return .undecided
  }
  let applies = less(RationalInterval(Rational(0)), bracket)
  return LemmaF1Report(
    meanIdentityHolds: identity, beta: beta,
    normRatioBound: less(ratio, denominator),
    cosineBound: lessOrEqual(inverseRatio * bracket, cosInterval),
    finalBoundApplies: applies,
    finalBound: (bracket / denominator).map { less($0, cosInterval) } ?? .undecided)
}

/// `a <= b` certified: proved when a.upper <= b.lower, refuted when b.upper < a.lower.
func lessOrEqual(_ a: RationalInterval, _ b: RationalInterval) -> CertifiedTruth {
  if a.upper <= b.lower { return .proved }
  if b.upper < a.lower { return .refuted }
  return .undecided
}

extension RationalInterval {
  /// Quotient, or `nil` when the divisor's enclosure contains 0.
  static func / (a: RationalInterval, b: RationalInterval) -> RationalInterval? {
    guard b.lower.signValue > 0 || b.upper.signValue < 0 else { return nil }
    return a * RationalInterval(Rational(1) / b.upper, Rational(1) / b.lower)
  }
}
