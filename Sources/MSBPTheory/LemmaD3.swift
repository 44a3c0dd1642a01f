import ExactArithmetic

/// Lemma D.3 (one linear layer trained with SBP) on one instance, decided exactly.
///
/// The layer is `h = Wx`, `z = σ(h)`; the backward pass receives an estimate
/// `g^z` of the true `∂ℓ/∂z`, forms `g^h = S(σ'(h) ⊙ g^z)` with a sparsifying
/// function of ratio r = k/m, and propagates `g^x = Wᵀ g^h`, `g^W = g^h xᵀ`.
/// The true gradients are `∂ℓ/∂h = σ'(h) ⊙ ∂ℓ/∂z`, `∂ℓ/∂x = Wᵀ ∂ℓ/∂h`,
/// `∂ℓ/∂W = ∂ℓ/∂h xᵀ`. The lemma claims
/// 1. `δ(w) = δ(h)` (Eq. 90),
/// 2. `δ(x) <= arccos(ρ₁ cos δ(h) + 1 − ρ₁)` when `ρ₁ cos δ(h) + 1 − ρ₁ > 0`,
/// 3. `δ(h) <= arccos √r + arccos(ρ₂ cos δ(z) + 1 − ρ₂)` when `ρ₂ cos δ(z) + 1 − ρ₂ > 0`,
/// for `ρ₁ >= s_max/s_min` (eigenvalues of WWᵀ) and `ρ₂ >= (σ'_max/σ'_min)²`.
/// As with Lemma D.2, `W` must have m <= n rows for WWᵀ to be positive definite.
public struct LemmaD3Report: Sendable {
  /// δ(z) = ⟨g^z, ∂ℓ/∂z⟩.
  public let deltaZ: QuadraticAngle
  /// δ(h) = ⟨g^h, ∂ℓ/∂h⟩.
  public let deltaH: QuadraticAngle
  /// δ(x) = ⟨g^x, ∂ℓ/∂x⟩.
  public let deltaX: QuadraticAngle
  /// δ(w) on the flattened weight gradient.
  public let deltaW: QuadraticAngle
  /// Claim 1: δ(w) = δ(h).
  public let weightAngleEqualsOutputAngle: Bool
  /// Claim 2's side condition ρ₁ cos δ(h) + 1 − ρ₁ > 0.
  public let inputBoundApplies: Bool
  /// Claim 2 (true when it does not apply).
  public let inputBoundHolds: Bool
  /// Claim 3's side condition ρ₂ cos δ(z) + 1 − ρ₂ > 0.
  public let outputBoundApplies: Bool
  /// Claim 3 (true when it does not apply).
  public let outputBoundHolds: Bool
  /// All three claims hold here.
  public var holds: Bool { weightAngleEqualsOutputAngle && inputBoundHolds && outputBoundHolds }
}

/// Decides Lemma D.3 on one instance.
/// - Parameters:
///   - w: W (m rows of length n, m <= n), with a certificate `mu <= λ_min(WWᵀ)`, `L >= λ_max(WWᵀ)`; ρ₁ = `rho1 ?? L/mu`.
///   - x: the layer input (non-zero).
///   - activationSlopes: σ'(h) (all > 0, σ increasing); ρ₂ = `rho2 ?? (max/min)²`.
///   - trueOutputGradient: ∂ℓ/∂z; `estimatedOutputGradient`: g^z.
/// - Throws: `TheoryError` naming the offending input.
public func checkLemmaD3(
  w: [[Rational]], mu: Rational, L: Rational, x: [Rational], activationSlopes: [Rational],
  trueOutputGradient dz: [Rational], estimatedOutputGradient gz: [Rational],
  sparsifier: some SparsifyingFunction, k: Int, rho1: Rational? = nil, rho2: Rational? = nil
) throws -> LemmaD3Report {
  let m = w.count
  guard m > 0, let n = w.first?.count else {
    throw TheoryError.outOfRange(what: "rows of W", value: "0", allowed: "[1, ∞)")
  }
  for (i, row) in w.enumerated() { try VectorMath.requireCount(row, n, "row \(i) of W") }
  if m > n { throw TheoryError.unsupported("W is \(m)×\(n) with m > n, so WWᵀ is singular") }
  try VectorMath.requireCount(x, n, "x")
  try VectorMath.requireCount(activationSlopes, m, "σ'(h)")
  try VectorMath.requireCount(dz, m, "∂ℓ/∂z")
  try VectorMath.requireCount(gz, m, "g^z")
  if VectorMath.isZero(x) { throw TheoryError.zeroVector("x") }
  guard let slopeMin = activationSlopes.min(), let slopeMax = activationSlopes.max(), slopeMin.signValue > 0 else {
    throw TheoryError.outOfRange(what: "σ'(h)", value: "a non-positive slope", allowed: "(0, ∞) (σ increasing)")
  }
  let gram = (0..<m).map { i in (0..<m).map { j in VectorMath.dot(w[i], w[j]) } }
  try verifyEigenvalueCertificate(gram, mu: mu, L: L, name: "WWᵀ")
  let r1 = rho1 ?? L / mu
  if r1 < L / mu { throw TheoryError.invalidCertificate("rho1 = \(r1) is below L/mu = \(L / mu)") }
  let slopeRatio = (slopeMax / slopeMin) * (slopeMax / slopeMin)
  let r2 = rho2 ?? slopeRatio
  if r2 < slopeRatio { throw TheoryError.invalidCertificate("rho2 = \(r2) is below (σ'max/σ'min)² = \(slopeRatio)") }

  let dh = (0..<m).map { activationSlopes[$0] * dz[$0] }
  let gh = try sparsifier.apply(to: (0..<m).map { activationSlopes[$0] * gz[$0] }, k: k)
  let dx = VectorMath.multiplyTransposed(w, dh)
  let gx = VectorMath.multiplyTransposed(w, gh)
  func flatten(_ col: [Rational]) -> [Rational] { col.flatMap { c in x.map { c * $0 } } }

  let deltaZ = try QuadraticAngle.between(gz, dz, uName: "g^z", vName: "∂ℓ/∂z")
  let deltaH = try QuadraticAngle.between(gh, dh, uName: "g^h", vName: "∂ℓ/∂h")
  let deltaX = try QuadraticAngle.between(gx, dx, uName: "g^x", vName: "∂ℓ/∂x")
  let deltaW = try QuadraticAngle.between(flatten(gh), flatten(dh), uName: "g^w", vName: "∂ℓ/∂w")

  let inputArgument = deltaH.cosine * r1 + (Rational(1) - r1)
  let inputApplies = inputArgument.sign > 0
  var inputHolds = true
  if inputApplies {
    inputHolds = QuadraticAngle.compare(deltaX, try QuadraticAngle(cosine: inputArgument)) <= 0
  }
  let outputArgument = deltaZ.cosine * r2 + (Rational(1) - r2)
  let outputApplies = outputArgument.sign > 0
  var outputHolds = true
  if outputApplies {
    let sparse = try QuadraticAngle.arccos(squareRootOf: Rational(k, m))
    outputHolds = QuadraticAngle.compare(sum: sparse, try QuadraticAngle(cosine: outputArgument), with: deltaH) >= 0
  }
  return LemmaD3Report(
    deltaZ: deltaZ, deltaH: deltaH, deltaX: deltaX, deltaW: deltaW,
    weightAngleEqualsOutputAngle: QuadraticAngle.compare(deltaW, deltaH) == 0,
    inputBoundApplies: inputApplies, inputBoundHolds: inputHolds,
    outputBoundApplies: outputApplies, outputBoundHolds: outputHolds)
}
