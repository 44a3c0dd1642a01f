import ExactArithmetic
import ExactLinearAlgebra
import PropertyTesting
import Testing
@testable import MSBPTheory

/// Theorem 1 on random quadratics: hypothesis ⇒ conclusion, decided exactly.
@Suite struct Theorem1PropertyTests {
  enum Estimator: CustomStringConvertible {
    case trueGradient
    case topK(Int)
    case perturbed(tangent: Rational, direction: [Rational])
    var description: String {
      switch self {
      case .trueGradient: return "true gradient"
      case let .topK(k): return "top_\(k)"
      case let .perturbed(t, d): return "perturbed τ=\(t) along \(d)"
      }
    }
  }

  struct Case: CustomStringConvertible {
    let instance: QuadraticInstance
    let w: [Rational]
    let estimator: Estimator
    let theta: Theorem1Theta
    var description: String { "\(instance), w_t \(w), \(estimator), θ \(theta)" }
  }

  static var cases: Gen<Case> { QuadraticInstance.gen().flatMap { inst in
    let n = inst.loss.dimension
    let w = TheoryGen.intVector(count: n, entries: -4...4).filter { $0 != inst.loss.minimizer }
    let estimator = Gen<Estimator>.frequency(
      (3, .constant(.trueGradient)),
      (3, Gen.int(in: 1...n).map { .topK($0) }),
      (3, Gen.zip(Gen.int(in: 0...8), TheoryGen.intVector(count: n)).map { .perturbed(tangent: Rational($0, 8), direction: $1) }))
    let theta = Gen<Theorem1Theta>.frequency(
      (4, .constant(.automatic)),
      (2, Gen.int(in: 0...20).map { .cosine(Rational($0, 20)) }),
      (2, Gen.int(in: 0...20).map { .sine(Rational($0, 20)) }))
    return Gen.zip(w, estimator, theta).map { Case(instance: inst, w: $0, estimator: $1, theta: $2) }
  } }

  static func estimate(_ c: Case) throws -> [Rational] {
    let context = EGDStepContext(t: 0, loss: c.instance.loss, iterate: c.w, gradient: try c.instance.loss.gradient(at: c.w))
    switch c.estimator {
    case .trueGradient: return try TrueGradientEstimator().estimate(context)
    case let .topK(k): return try SparsifiedGradientEstimator(sparsifier: TopK(), k: k).estimate(context)
    case let .perturbed(t, d): return try PerturbedGradientEstimator(tangent: t, direction: d).estimate(context)
    }
  }

  @Test func hypothesisImpliesContraction() throws {
    try forAll(
      "Theorem 1: hypothesis implies contraction by sin θ", Self.cases, cases: 150,
      cover: ["hypothesis holds": 0.4, "hypothesis fails": 0.05, "boundary θ = δ + φ": 0.2,
              "top_k estimate": 0.15, "perturbed estimate": 0.15,
              // The true gradient with automatic θ always meets the hypothesis; these make
              // sure the estimators the theorem is about meet it too, often enough to count.
              "hypothesis holds, top_k": 0.1, "hypothesis holds, perturbed": 0.1]
    ) { c, ctx in
      let check = try Theorem1Check(loss: c.instance.loss, mu: c.instance.mu, L: c.instance.L)
      let report = try check.check(at: c.w, estimate: try Self.estimate(c), theta: c.theta)
      ctx.classify("hypothesis holds", report.hypothesisHolds)
      ctx.classify("hypothesis fails", !report.hypothesisHolds)
      ctx.classify("boundary θ = δ + φ", report.hypothesisHolds && report.deltaPlusPhiComparedWithTheta == 0)
      if case .topK = c.estimator { ctx.label("top_k estimate") }
      if case .perturbed = c.estimator { ctx.label("perturbed estimate") }
      if case .topK = c.estimator, report.hypothesisHolds { ctx.label("hypothesis holds, top_k") }
      if case .perturbed = c.estimator, report.hypothesisHolds { ctx.label("hypothesis holds, perturbed") }
      ctx.classify("taken rational step also contracts", report.conclusionWithTakenStep == true)
      ctx.note("δ+φ vs θ: \(report.deltaPlusPhiComparedWithTheta), ratio \(String(describing: report.contractionWithProofStep))")
      // Eq. 34 holds for every strongly convex smooth loss.
      guard report.gradientErrorAngleWithinPhi else { return false }
      if report.hypothesisHolds {
        // Eq. 35 and the conclusion with the proof's exact η.
        guard report.estimateErrorAngleWithinTheta, report.conclusionWithProofStep == true else { return false }
        // The exact η lies in its certified bounds.
        guard let eta = report.proofStep, let b = report.proofStepBounds,
          SurdSum(b.lower) <= eta, eta <= SurdSum(b.upper), eta.sign > 0
        else { return false }
      }
      return report.theoremHolds
    }
  }

  /// The hypothesis decision agrees with ExactArithmetic's independent `Angle`
  /// (single-radical cosines, its own sum comparison) when θ is rational-cosine/sine.
  @Test func hypothesisAgreesWithExactArithmeticAngle() throws {
    let explicit = Self.cases.filter { if case .automatic = $0.theta { return false } else { return true } }
    try forAll("Theorem 1 hypothesis: two implementations agree", explicit, cases: 100,
               cover: ["δ + φ <= θ": 0.1, "δ + φ > θ": 0.1]) { c, ctx in
      let check = try Theorem1Check(loss: c.instance.loss, mu: c.instance.mu, L: c.instance.L)
      let g = try Self.estimate(c)
      let report = try check.check(at: c.w, estimate: g, theta: c.theta)
      let delta = try Angle(between: g, and: report.gradient)
      let phi = try Angle.arccos(sqrtOf: c.instance.mu / c.instance.L)
      let theta: Angle
      switch c.theta {
      case let .cosine(x): theta = try Angle.arccos(x)
      case let .sine(s): theta = try Angle.arcsin(s)
      case .automatic: return false
      }
      let other = Angle.compare(sum: [delta, phi], with: theta)
      ctx.classify("δ + φ <= θ", other <= 0)
      ctx.classify("δ + φ > θ", other > 0)
      return other == report.deltaPlusPhiComparedWithTheta
    }
  }

  /// Perturbed estimates have a closed-form angle: cos²δ = 1/(1 + τ²‖p⊥‖²/‖∇‖²).
  @Test func perturbedEstimatorHasTheDesignedAngle() throws {
    let gen = Self.cases.filter { if case .perturbed = $0.estimator { return true } else { return false } }
    try forAll("perturbed estimate has its designed angle", gen, cases: 60) { c, _ in
      guard case let .perturbed(t, d) = c.estimator else { return false }
      let grad = try c.instance.loss.gradient(at: c.w)
      let g = try Self.estimate(c)
      let gg = VectorMath.squaredNorm(grad)
      let along = VectorMath.dot(d, grad) / gg
      let orthogonal = VectorMath.subtract(d, VectorMath.scale(grad, by: along))
      let tan2 = t * t * VectorMath.squaredNorm(orthogonal) / gg
      let delta = try gradientEstimationAngle(estimate: g, trueGradient: grad)
      return delta.cosineSquared.rationalValue == Rational(1) / (Rational(1) + tan2) && delta.cosine.sign > 0
    }
  }
}


/// The path the CLI uses: a generic SPD Hessian certified by ExactLinearAlgebra.
@Suite struct Theorem1CertifiedSpectrumTests {
  @Test func genericHessiansWithCertifiedBounds() throws {
    let gen = Gen.int(in: 2...3).flatMap { n in
      Gen.zip(TheoryGen.intVector(count: n, entries: -3...3).array(count: n), TheoryGen.intVector(count: n, entries: -3...3),
              TheoryGen.intVector(count: n, entries: -3...3), Gen.int(in: 1...n))
    }
    try forAll("Theorem 1 with ExactLinearAlgebra's certified μ, L", gen, cases: 40, cover: ["hypothesis holds": 0.3]) { input, ctx in
      let (b, wStar, w, k) = input
      try ctx.assume(w != wStar)
      let n = b.count
      // A = BᵀB + I is SPD with an unknown (generally irrational) spectrum.
      let a = (0..<n).map { i in (0..<n).map { j in
        (0..<n).reduce(i == j ? Rational(1) : Rational(0)) { $0 + b[$1][i] * b[$1][j] } } }
      let spectrum = try RationalMatrix(rows: a).certifiedExtremeEigenvalues()
      let loss = try QuadraticLoss(hessian: a, minimizer: wStar)
      let check = try Theorem1Check(loss: loss, mu: spectrum.mu, L: spectrum.L)  // re-verified exactly
      let g = try topK(try loss.gradient(at: w), k: k)
      let report = try check.check(at: w, estimate: g, theta: .automatic)
      ctx.classify("hypothesis holds", report.hypothesisHolds)
      return report.gradientErrorAngleWithinPhi && report.theoremHolds
    }
  }
}
