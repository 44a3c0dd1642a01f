import ExactArithmetic

/// Lemma D.4 end to end on one exact MLP instance.
///
/// The network: `h⁽ⁱ⁾ = W⁽ⁱ⁾ x⁽ⁱ⁾`, `x⁽ⁱ⁺¹⁾ = σ(h⁽ⁱ⁾)` for i < N with the increasing
/// piecewise-linear activation σ(t) = t (t >= 0), s·t (t < 0) (s = `negativeSlope` > 0, and
/// σ'(0) = 1), a linear last layer, and the loss ½‖x⁽ᴺ⁺¹⁾ − y‖². SBP sparsifies
/// `σ'(h⁽ⁱ⁾) ⊙ g^z` with top_k in every layer but the last. The estimate of the lemma is the
/// per-layer rescaled one (Eqs. 91–95): its cosine with the true gradient is
/// `Σ ‖∂ℓ/∂w⁽ⁱ⁾‖² cos δ(w⁽ⁱ⁾) / Σ ‖∂ℓ/∂w⁽ⁱ⁾‖²`, an exact `SurdSum`.
public struct LemmaD4Report: Sendable {
  /// δ(w⁽ⁱ⁾) for i = 1 … N (the last is 0: that layer is dense).
  public let layerAngles: [QuadraticAngle]
  /// cos δ(w) of the rescaled estimate, exactly.
  public let rescaledCosine: SurdSum
  /// Eq. 95: δ(w) <= max_i δ(w⁽ⁱ⁾).
  public let belowLargestLayerAngle: Bool
  /// The sparse ratio r = k/m.
  public let sparseRatio: Rational
  /// f(r) > 0 for the given ρ, N, θ (exact); nil when r <= 1/ρ² (outside the lemma's range).
  public let fPositive: Bool?
  /// δ(w) < θ, exactly.
  public let belowTheta: Bool
  /// Eq. 117, α_i >= 1 − β_i for i = 1 … N (certified), when the recursion is defined.
  public let alphaAboveOneMinusBeta: [CertifiedTruth]
  /// The lemma's conclusion on this instance: f(r) > 0 ⇒ δ(w) < θ.
  public var holds: Bool { fPositive != true || belowTheta }
}

/// Decides Lemma D.4's conclusion on one network.
/// - Parameters:
///   - weights: W⁽¹⁾ … W⁽ᴺ⁾ as rows; W⁽ⁱ⁾ has as many columns as W⁽ⁱ⁻¹⁾ has rows; all
///     sparsified layers (i < N) have the same output width m.
///   - rho1: must bound cond(W⁽ⁱ⁾)² for 2 <= i <= N − 1 (verified with a certificate
///     from `lemmaD2Conditioning`); ρ = ρ₁·ρ₂ with ρ₂ = (1/s)² (or 1 when s = 1).
/// - Throws: `TheoryError` naming the offending input.
public func checkLemmaD4(
  weights: [[[Rational]]], negativeSlope s: Rational, input: [Rational], target: [Rational],
  k: Int, rho1: Rational, theta: QuadraticAngle
) throws -> LemmaD4Report {
  let n = weights.count
  if n < 1 { throw TheoryError.outOfRange(what: "number of layers", value: "0", allowed: "[1, ∞)") }
  if s.signValue <= 0 || s > Rational(1) {
    throw TheoryError.outOfRange(what: "negativeSlope", value: "\(s)", allowed: "(0, 1]")
  }
  var width = input.count
  for (i, w) in weights.enumerated() {
    guard !w.isEmpty else { throw TheoryError.outOfRange(what: "rows of W\(i + 1)", value: "0", allowed: "[1, ∞)") }
    for (j, row) in w.enumerated() { try VectorMath.requireCount(row, width, "row \(j) of W\(i + 1)") }
    width = w.count
  }
  try VectorMath.requireCount(target, width, "target y")
  let m = weights[0].count
  for i in 0..<(n - 1) where weights[i].count != m {
    throw TheoryError.dimensionMismatch(what: "output width of sparsified layer \(i + 1)", expected: m, actual: weights[i].count)
  }
  try requireSparsity(k, m)
  for i in 1..<max(n - 1, 1) {
    let certificate = try lemmaD2Conditioning(weights[i])
    if certificate.rho > rho1 {
      throw TheoryError.invalidCertificate("rho1 = \(rho1) is not above the certified cond(W\(i + 1))² <= \(certificate.rho)")
    }
  }
  let rho2 = s == Rational(1) ? Rational(1) : (Rational(1) / s) * (Rational(1) / s)
  let rho = rho1 * rho2

  // Forward pass (exact).
  var xs = [input]
  var slopes: [[Rational]] = []
  for i in 0..<n {
    let h = VectorMath.multiply(weights[i], xs[i])
    let slope = i < n - 1 ? h.map { $0.signValue >= 0 ? Rational(1) : s } : h.map { _ in Rational(1) }
    slopes.append(slope)
    xs.append(zip(slope, h).map { $0 * $1 })
  }
  // Backward passes: true and SBP.
  var dz = VectorMath.subtract(xs[n], target)
  var gz = dz
  var trueNorms = [Rational](repeating: Rational(0), count: n)
  var angles = [QuadraticAngle](repeating: QuadraticAngle.rightAngle, count: n)
  for i in stride(from: n - 1, through: 0, by: -1) {
    let dh = zip(slopes[i], dz).map { $0 * $1 }
    let scaled = zip(slopes[i], gz).map { $0 * $1 }
    let gh = i < n - 1 ? try topK(scaled, k: k) : scaled
    let x = xs[i]
    let dw = dh.flatMap { a in x.map { a * $0 } }
    let gw = gh.flatMap { a in x.map { a * $0 } }
    angles[i] = try QuadraticAngle.between(gw, dw, uName: "g^w\(i + 1)", vName: "∂ℓ/∂w\(i + 1)")
    trueNorms[i] = VectorMath.squaredNorm(dw)
    dz = VectorMath.multiplyTransposed(weights[i], dh)
    gz = VectorMath.multiplyTransposed(weights[i], gh)
  }
  let total = trueNorms.reduce(Rational(0), +)
  var cosine = SurdSum.zero
  for i in 0..<n { cosine = cosine + angles[i].cosine * (trueNorms[i] / total) }
  let smallest = angles.map(\.cosine).min { $0 < $1 }!

  let r = Rational(k, m)
  var fPositive: Bool?
  var alphaChecks: [CertifiedTruth] = []
  if r > Rational(1) / (rho * rho) && r < Rational(1) {
    let analysis = try SparseRatioAnalysis(rho: rho, layers: n, theta: theta)
    fPositive = try analysis.fIsPositive(at: r)
    let (betas, undefinedAt) = analysis.betaEnclosures(at: r, precisionBits: 128)
    if undefinedAt == nil {
      for i in 0..<n {
        let a = angles[i].cosine.intervalBounds(precisionBits: 128)
        if a.lower + betas[i].lower >= Rational(1) { alphaChecks.append(.proved) }
        else if a.upper + betas[i].upper < Rational(1) { alphaChecks.append(.refuted) }
        else { alphaChecks.append(.undecided) }
      }
    }
  }
  return LemmaD4Report(
    layerAngles: angles, rescaledCosine: cosine, belowLargestLayerAngle: cosine >= smallest,
    sparseRatio: r, fPositive: fPositive, belowTheta: cosine > theta.cosine,
    alphaAboveOneMinusBeta: alphaChecks)
}
