import ExactArithmetic
import PropertyTesting
import Testing
@testable import MSBPTheory

@Suite struct DefinitionsTests {
  /// μ = L is possible (ℓ = ½‖w‖²): φ = 0, outside the paper's (0, π/2).
  @Test func convexSmoothAngleAtMuEqualsL() throws {
    let phi = try convexSmoothAngle(mu: q(1), L: q(1))
    #expect(phi.cosine == SurdSum.one)
    #expect(QuadraticAngle.compare(phi, try QuadraticAngle.arccos(q(1))) == 0)
    #expect(QuadraticAngle.compare(try convexSmoothAngle(mu: q(1), L: q(4)), try QuadraticAngle.arccos(q(1, 2))) == 0)
    #expect(throws: TheoryError.self) { try convexSmoothAngle(mu: q(0), L: q(1)) }
    #expect(throws: TheoryError.self) { try convexSmoothAngle(mu: q(2), L: q(1)) }
    // Theorem 1 at μ = L with the true gradient: θ = δ + φ = 0, and one proof step lands on w*.
    let loss = try QuadraticLoss(hessian: [vec(1, 0), vec(0, 1)], minimizer: vec(1, 2))
    let report = try Theorem1Check(loss: loss, mu: q(1), L: q(1)).check(at: vec(4, -2), estimate: vec(3, -4), theta: .automatic)
    #expect(report.hypothesisHolds)
    #expect(report.proofStep == SurdSum.one)
    #expect(report.contractionWithProofStep == SurdSum.zero)
    #expect(report.nextIterate == vec(1, 2))
  }

  @Test func certificatesAreExactAndTight() throws {
    try forAll("μ <= λ_min and L >= λ_max are decided exactly", QuadraticInstance.gen(), cases: 80) { inst in
      let loss = inst.loss
      let eps = Rational(1, 1000)
      guard (try? loss.verifyCertificate(mu: inst.mu, L: inst.L)) != nil else { return false }
      let tooLargeMu = (try? loss.verifyCertificate(mu: inst.mu + eps, L: inst.L)) == nil
      let tooSmallL = (try? loss.verifyCertificate(mu: inst.mu, L: inst.L - eps)) == nil
      let swapped = inst.mu == inst.L || (try? loss.verifyCertificate(mu: inst.L, L: inst.mu)) == nil
      return tooLargeMu && tooSmallL && swapped && inst.mu <= inst.L
    }
  }

  @Test func gradientEstimationAngleNamesZeroVectors() throws {
    #expect(throws: TheoryError.zeroVector("estimate g")) { try gradientEstimationAngle(estimate: vec(0, 0), trueGradient: vec(1, 0)) }
    #expect(throws: TheoryError.zeroVector("true gradient")) { try gradientEstimationAngle(estimate: vec(1, 0), trueGradient: vec(0, 0)) }
    let right = try gradientEstimationAngle(estimate: vec(1, 0), trueGradient: vec(0, 5))
    #expect(right.cosine == SurdSum.zero)
  }
}

@Suite struct EGDTests {
  @Test func trueGradientEGDIsGradientDescent() throws {
    try forAll("EGD with the true gradient is GD", Gen.zip(QuadraticInstance.gen(), Gen.int(in: 1...5)), cases: 40) { input in
      let (inst, steps) = input
      let egd = EstimatedGradientDescent(loss: inst.loss, estimator: TrueGradientEstimator(), stepRule: ConstantStep(Rational(1, 10)))
      let w0 = inst.loss.minimizer.map { $0 + Rational(1) }
      let iterates = try egd.run(from: w0, steps: steps)
      // Independent GD: w ← w − η A (w − w*), written out with the Hessian directly.
      var w = w0
      for t in 0..<(iterates.count - 1) {
        let e = VectorMath.subtract(w, inst.loss.minimizer)
        let grad = inst.loss.hessian.map { row in zip(row, e).reduce(Rational(0)) { $0 + $1.0 * $1.1 } }
        w = zip(w, grad).map { $0 - Rational(1, 10) * $1 }
        if w != iterates[t + 1] { return false }
      }
      return true
    }
  }

  /// Eqs. 45–46: ‖w_t − w*‖² <= sin^{2t}θ ‖w_0 − w*‖² along an EGD run with the proof's step.
  ///
  /// The proof's η involves square roots, so an exact run cannot stay rational: at every
  /// step the conclusion with the exact η is decided exactly, and the run continues from the
  /// rational step inside η's certified enclosure (`nextIterate`), along which the geometric
  /// bound is decided exactly. A run counts as checked only for the steps where the
  /// hypothesis held; coverage demands enough such steps for top_k, not only for the true
  /// gradient (for which the hypothesis always holds here).
  @Test func proofStepRunContractsGeometrically() throws {
    let gen = Gen.zip(QuadraticInstance.gen(), Gen.int(in: 0...2))
    try forAll("EGD with the proof's step contracts by sin θ per step", gen, cases: 40,
               cover: ["top_k, checked steps >= 2": 0.1, "true gradient, 4 checked steps": 0.2]) { input, ctx in
      let (inst, kind) = input
      // θ above φ: cos θ = (lower bound of √(μ/L)) − 1/50 for the true gradient, so that
      // δ + φ <= θ; a quarter of that bound for top_k, leaving room for its angle δ.
      let cosPhiLower = inst.mu == inst.L ? Rational(1) : (inst.mu / inst.L).squareRootBounds(precisionBits: 20).lower
      let cosTheta = kind == 1 ? cosPhiLower / 4 : (inst.mu == inst.L ? Rational(1, 2) : cosPhiLower - Rational(1, 50))
      try ctx.assume(cosTheta.signum > 0)
      let sin2 = Rational(1) - cosTheta * cosTheta
      let check = try Theorem1Check(loss: inst.loss, mu: inst.mu, L: inst.L)
      var w = inst.loss.minimizer.map { $0 + Rational(2) }
      let e0 = VectorMath.squaredNorm(VectorMath.subtract(w, inst.loss.minimizer))
      var bound = e0
      var checkedSteps = 0
      defer {
        ctx.classify("top_k, checked steps >= 2", kind == 1 && checkedSteps >= 2)
        ctx.classify("true gradient, 4 checked steps", kind != 1 && checkedSteps == 4)
      }
      for t in 0..<4 {
        let grad = try inst.loss.gradient(at: w)
        if VectorMath.isZero(grad) { return true }
        let g = kind == 1 ? try topK(grad, k: max(1, grad.count - 1)) : grad
        let report = try check.check(at: w, estimate: g, theta: .cosine(cosTheta))
        // The true gradient meets the hypothesis by the choice of θ; top_k may leave it, and
        // the chain of Eqs. 45–46 ends there.
        if !report.hypothesisHolds { return kind == 1 }
        guard report.conclusionWithProofStep == true, let next = report.nextIterate else { return false }
        w = next
        bound = bound * sin2
        let et = VectorMath.squaredNorm(VectorMath.subtract(w, inst.loss.minimizer))
        ctx.note("t = \(t + 1): ‖e‖² = \(et), bound \(bound)")
        if et > bound { return false }
        checkedSteps += 1
      }
      return true
    }
  }

  @Test func nonPositiveStepsAreRejected() throws {
    let loss = try QuadraticLoss(hessian: [vec(2, 0), vec(0, 1)], minimizer: vec(0, 0))
    let egd = EstimatedGradientDescent(loss: loss, estimator: TrueGradientEstimator(), stepRule: ConstantStep(q(0)))
    #expect(throws: TheoryError.outOfRange(what: "learning rate η_0", value: "0", allowed: "(0, ∞)")) {
      try egd.step(from: vec(1, 1), t: 0)
    }
    let line = EstimatedGradientDescent(loss: loss, estimator: TrueGradientEstimator(), stepRule: LineSearchStep())
    let (_, eta, next) = try line.step(from: vec(1, 1), t: 0)
    // g = (2, 1), e = (1, 1): η = 3/5, w₁ = (1 − 6/5, 1 − 3/5).
    #expect(eta == q(3, 5) && next == [q(-1, 5), q(2, 5)])
  }
}
