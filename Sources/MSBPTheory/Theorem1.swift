import ExactArithmetic

/// How the angle θ of Theorem 1 is given.
public enum Theorem1Theta: Sendable, Equatable {
  /// θ = arccos(c), c a rational in [-1, 1].
  case cosine(Rational)
  /// θ = arcsin(s) ∈ [0, π/2], s a rational in [0, 1].
  case sine(Rational)
  /// The smallest θ the hypothesis allows: θ = δ(w_t) + φ(ℓ).
  case automatic
}

/// How the exact EGD step actually taken by `Theorem1Check` is chosen.
///
/// The proof's step `η = cos θ ‖w_t − w*‖ / ‖g‖` is in general irrational, so
/// the next iterate cannot be formed on rationals with it. The theorem itself
/// is decided with that exact η (`Theorem1StepReport.conclusionWithProofStep`);
/// the iterate is advanced with a rational step chosen here, and the
/// conclusion is decided exactly for that step too.
public enum Theorem1StepRule: Sendable, Equatable {
  /// The midpoint of a certified enclosure of the proof's η whose endpoints
  /// are within `precisionBits` relative bits (default choice).
  case proofStepApproximation(precisionBits: Int)
  /// `η = (g·(w_t − w*)) / ‖g‖²`, the rational step minimizing ‖w_{t+1} − w*‖
  /// (no step is taken when it is not positive, as Definition 5 needs η > 0).
  case exactLineSearch
  /// A fixed rational step.
  case fixed(Rational)
}

/// One step of Theorem 1 (convergence of EGD), decided exactly.
///
/// Given a `QuadraticLoss` with a certified `μ <= λ_min(A)`, `L >= λ_max(A)`
/// (checked exactly on construction), an iterate `w_t` and an estimate `g`
/// of `∇ℓ(w_t)`, `check` decides the hypothesis `δ(w_t) + φ(ℓ) <= θ < π/2`,
/// the proof's intermediate facts (Eq. 34: `⟨∇ℓ(w_t), w_t − w*⟩ <= φ`;
/// Eq. 35: `⟨g, w_t − w*⟩ <= θ`) and the conclusion
/// `‖w_{t+1} − w*‖² <= sin²θ ‖w_t − w*‖²`, all exactly.
public struct Theorem1Check: Sendable {
  /// The loss.
  public let loss: QuadraticLoss
  /// Certified strong-convexity constant, `0 < μ <= λ_min(A)`.
  public let mu: Rational
  /// Certified smoothness constant, `L >= λ_max(A)`.
  public let L: Rational
  /// φ(ℓ) = arccos √(μ/L) (Definition 1).
  public let phi: QuadraticAngle

  /// - Throws: `invalidCertificate` when `μ` or `L` is not a valid bound.
  public init(loss: QuadraticLoss, mu: Rational, L: Rational) throws {
    try loss.verifyCertificate(mu: mu, L: L)
    self.loss = loss
    self.mu = mu
    self.L = L
    self.phi = try convexSmoothAngle(mu: mu, L: L)
  }

  /// The smallest θ for which the hypothesis `δ + φ <= θ` holds: θ = δ + φ,
  /// exactly (its cosine is `cos δ cos φ − √((1 − cos²δ)(1 − μ/L))`).
  /// Returns `nil` when δ + φ > π (then no θ in [0, π] qualifies).
  public func smallestAdmissibleTheta(delta: QuadraticAngle) -> QuadraticAngle? {
    try? QuadraticAngle.sum(delta, phi)
  }

  /// Decides one EGD step at `w` with estimate `g`.
  /// - Throws: `dimensionMismatch`; `zeroVector` when `w = w*` (the gradient
  ///   vanishes, δ is undefined) or `g = 0`; `outOfRange` for an invalid θ.
  public func check(
    at w: [Rational], estimate g: [Rational], theta thetaSpec: Theorem1Theta,
    step rule: Theorem1StepRule = .proofStepApproximation(precisionBits: 64)
  ) throws -> Theorem1StepReport {
    try VectorMath.requireCount(w, loss.dimension, "iterate w_t")
    try VectorMath.requireCount(g, loss.dimension, "estimate g")
    let gradient = try loss.gradient(at: w)
    let e = VectorMath.subtract(w, loss.minimizer)
    if VectorMath.isZero(e) { throw TheoryError.zeroVector("w_t − w* (w_t is the minimizer)") }
    let delta = try gradientEstimationAngle(estimate: g, trueGradient: gradient)
    let gradientErrorAngle = try QuadraticAngle.between(gradient, e, uName: "gradient", vName: "w_t − w*")
    let estimateErrorAngle = try QuadraticAngle.between(g, e, uName: "estimate g", vName: "w_t − w*")

    let theta: QuadraticAngle
    switch thetaSpec {
    case let .cosine(c): theta = try QuadraticAngle.arccos(c)
    case let .sine(s): theta = try QuadraticAngle.arcsin(s)
    case .automatic:
      // δ + φ > π cannot be admissible; represent it by θ = π (hypothesis false).
      theta = try smallestAdmissibleTheta(delta: delta) ?? QuadraticAngle.arccos(Rational(-1))
    }

    let sumOrder = QuadraticAngle.compare(sum: delta, phi, with: theta)
    let belowRight = theta.cosine.sign > 0
    let sinSquared = theta.sineSquared

    let ee = VectorMath.squaredNorm(e)
    let gg = VectorMath.squaredNorm(g)
    let ge = VectorMath.dot(g, e)
    // ‖e − η g‖² / ‖e‖² = 1 − 2η (g·e)/‖e‖² + η² ‖g‖²/‖e‖²
    func ratio(_ eta: SurdSum) -> SurdSum {
      SurdSum.one - eta * (Rational(2) * ge / ee) + eta * eta * (gg / ee)
    }

    var proofStep: SurdSum?
    var proofBounds: (lower: Rational, upper: Rational)?
    var proofRatio: SurdSum?
    var proofConclusion: Bool?
    if belowRight {
      let eta = theta.cosine * (try SurdSum.squareRoot(of: ee / gg))
      proofStep = eta
      proofBounds = eta.bounds(precisionBits: 64)
      let r = ratio(eta)
      proofRatio = r
      proofConclusion = (r - sinSquared).sign <= 0
    }

    var taken: Rational?
    switch rule {
    case let .proofStepApproximation(bits):
      if let eta = proofStep {
        let (lo, hi) = eta.bounds(precisionBits: max(bits, 8))
        taken = (lo + hi) * Rational(1, 2)
      }
    case .exactLineSearch: taken = ge.signValue > 0 ? ge / gg : nil  // η must be > 0
    case let .fixed(value):
      if value.signValue <= 0 {
        throw TheoryError.outOfRange(what: "fixed learning rate η", value: "\(value)", allowed: "(0, ∞)")
      }
      taken = value
    }
    var next: [Rational]?
    var takenRatio: Rational?
    var takenConclusion: Bool?
    if let eta = taken {
      let wNext = VectorMath.subtract(w, VectorMath.scale(g, by: eta))
      next = wNext
      let r = VectorMath.squaredNorm(VectorMath.subtract(wNext, loss.minimizer)) / ee
      takenRatio = r
      takenConclusion = (SurdSum(r) - sinSquared).sign <= 0
    }

    return Theorem1StepReport(
      iterate: w, gradient: gradient, estimate: g, error: e,
      delta: delta, phi: phi, theta: theta, thetaSpecification: thetaSpec,
      deltaPlusPhiComparedWithTheta: sumOrder, thetaBelowRightAngle: belowRight,
      gradientErrorAngle: gradientErrorAngle, estimateErrorAngle: estimateErrorAngle,
      gradientErrorAngleWithinPhi: QuadraticAngle.compare(gradientErrorAngle, phi) <= 0,
      estimateErrorAngleWithinTheta: QuadraticAngle.compare(estimateErrorAngle, theta) <= 0,
      sineSquaredTheta: sinSquared,
      proofStep: proofStep, proofStepBounds: proofBounds,
      contractionWithProofStep: proofRatio, conclusionWithProofStep: proofConclusion,
      takenStep: taken, nextIterate: next,
      contractionWithTakenStep: takenRatio, conclusionWithTakenStep: takenConclusion)
  }
}

/// Everything `Theorem1Check.check` decided about one step, exactly.
///
/// "Contraction" is the ratio `‖w_{t+1} − w*‖² / ‖w_t − w*‖²`; the theorem's
/// conclusion is that it is at most `sin²θ`.
public struct Theorem1StepReport: Sendable {
  /// w_t.
  public let iterate: [Rational]
  /// ∇ℓ(w_t) = A (w_t − w*).
  public let gradient: [Rational]
  /// The estimate g.
  public let estimate: [Rational]
  /// w_t − w*.
  public let error: [Rational]
  /// δ(w_t) = ⟨g, ∇ℓ(w_t)⟩ (Definition 2); `delta.cosine` is cos δ exactly.
  public let delta: QuadraticAngle
  /// φ(ℓ) = arccos √(μ/L).
  public let phi: QuadraticAngle
  /// θ (given, or δ + φ when automatic).
  public let theta: QuadraticAngle
  /// How θ was specified.
  public let thetaSpecification: Theorem1Theta
  /// Sign of (δ + φ) − θ, decided exactly (-1, 0, 1).
  public let deltaPlusPhiComparedWithTheta: Int
  /// θ < π/2, decided exactly.
  public let thetaBelowRightAngle: Bool
  /// ⟨∇ℓ(w_t), w_t − w*⟩.
  public let gradientErrorAngle: QuadraticAngle
  /// ⟨g, w_t − w*⟩.
  public let estimateErrorAngle: QuadraticAngle
  /// Eq. 34: ⟨∇ℓ(w_t), w_t − w*⟩ <= φ (holds for every strongly convex smooth ℓ).
  public let gradientErrorAngleWithinPhi: Bool
  /// Eq. 35: ⟨g, w_t − w*⟩ <= θ (implied by the hypothesis via Lemma D.1).
  public let estimateErrorAngleWithinTheta: Bool
  /// sin²θ.
  public let sineSquaredTheta: SurdSum
  /// The proof's step η = cos θ ‖w_t − w*‖/‖g‖ as an exact algebraic number
  /// (nil when θ >= π/2, where the proof gives no positive step).
  public let proofStep: SurdSum?
  /// Certified rational bounds lower <= η <= upper (64 bits).
  public let proofStepBounds: (lower: Rational, upper: Rational)?
  /// Contraction ratio with the exact proof step.
  public let contractionWithProofStep: SurdSum?
  /// Contraction ratio <= sin²θ with the exact proof step.
  public let conclusionWithProofStep: Bool?
  /// The rational step actually taken (see `Theorem1StepRule`).
  public let takenStep: Rational?
  /// w_{t+1} = w_t − η̃ g with the taken step.
  public let nextIterate: [Rational]?
  /// Contraction ratio with the taken step (rational).
  public let contractionWithTakenStep: Rational?
  /// Contraction ratio <= sin²θ with the taken step.
  public let conclusionWithTakenStep: Bool?

  /// θ is automatic and δ + φ > π: no θ in [0, π] equals δ + φ, so `theta` holds the
  /// placeholder π (which makes the hypothesis fail), and its cosine and sine are not
  /// those of δ + φ. Reports must not print them as θ's.
  public var automaticThetaExceedsPi: Bool {
    if case .automatic = thetaSpecification { return deltaPlusPhiComparedWithTheta > 0 }
    return false
  }

  /// The hypothesis of Theorem 1: δ + φ <= θ < π/2.
  public var hypothesisHolds: Bool { deltaPlusPhiComparedWithTheta <= 0 && thetaBelowRightAngle }

  /// Theorem 1 on this instance: hypothesis ⇒ conclusion (with the proof's η).
  /// `false` would be a counterexample to the theorem.
  public var theoremHolds: Bool { !hypothesisHolds || conclusionWithProofStep == true }
}
