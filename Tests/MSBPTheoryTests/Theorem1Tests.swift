import ExactArithmetic
import Testing
@testable import MSBPTheory

@Suite struct Theorem1Tests {
  /// ℓ(w) = ½ wᵀ diag(1, 4) w, so μ = 1, L = 4, φ = arccos(1/2) = π/3.
  func diagonalCheck() throws -> Theorem1Check {
    let loss = try QuadraticLoss(hessian: [vec(1, 0), vec(0, 4)], minimizer: vec(0, 0))
    return try Theorem1Check(loss: loss, mu: q(1), L: q(4))
  }

  @Test func trueGradientAtTheBoundaryThetaMatchesTheClosedForm() throws {
    let check = try diagonalCheck()
    let w = vec(1, 1)
    let report = try check.check(at: w, estimate: vec(1, 4), theta: .cosine(q(1, 2)))
    // δ = 0 and φ = π/3 = θ: the hypothesis holds with equality.
    #expect(report.deltaPlusPhiComparedWithTheta == 0)
    #expect(report.hypothesisHolds)
    #expect(report.gradientErrorAngleWithinPhi)
    // η = cos θ ‖e‖/‖g‖ = ½ √2/√17 = √34/34.
    let eta = try SurdSum.squareRoot(of: q(34)) * q(1, 34)
    #expect(report.proofStep == eta)
    // ‖e − ηg‖²/‖e‖² = (2 − 10η + 17η²)/2 = 5/4 − (5/34)√34.
    let expected = SurdSum(q(5, 4)) - (try SurdSum.squareRoot(of: q(34))) * q(5, 34)
    #expect(report.contractionWithProofStep == expected)
    #expect(report.conclusionWithProofStep == true)
    #expect(report.sineSquaredTheta.rationalValue == q(3, 4))
    // Appendix G's Eq. 47 claims equality ‖w_{t+1} − w*‖ = sin θ ‖w_t − w*‖; it is strict here.
    #expect(expected < report.sineSquaredTheta)
    #expect(report.theoremHolds)
  }

  @Test func automaticThetaIsDeltaPlusPhi() throws {
    let check = try diagonalCheck()
    // g = e1 at w = (1, 1): cos δ = 1/√17.
    let report = try check.check(at: vec(1, 1), estimate: vec(1, 0), theta: .automatic)
    #expect(report.deltaPlusPhiComparedWithTheta == 0)
    // cos(δ + φ) = (1/√17)(1/2) − (4/√17)(√3/2) = (1 − 4√3)/(2√17) < 0: θ > π/2.
    #expect(!report.thetaBelowRightAngle)
    #expect(!report.hypothesisHolds)
    let expectedCos = ((SurdSum.one - (try SurdSum.squareRoot(of: q(48)))) * (try SurdSum.squareRoot(of: q(17)))) * q(1, 34)
    #expect(report.theta.cosine == expectedCos)
  }

  @Test func wrongCertificatesAreRejected() throws {
    let loss = try QuadraticLoss(hessian: [vec(1, 0), vec(0, 4)], minimizer: vec(0, 0))
    #expect(throws: TheoryError.self) { try Theorem1Check(loss: loss, mu: q(11, 10), L: q(4)) }
    #expect(throws: TheoryError.self) { try Theorem1Check(loss: loss, mu: q(1), L: q(39, 10)) }
    #expect(throws: TheoryError.self) { try QuadraticLoss(hessian: [vec(1, 2), vec(2, 1)], minimizer: vec(0, 0)) }
  }

  @Test func degenerateInputsThrowNamedErrors() throws {
    let check = try diagonalCheck()
    #expect(throws: TheoryError.zeroVector("w_t − w* (w_t is the minimizer)")) {
      try check.check(at: vec(0, 0), estimate: vec(1, 0), theta: .automatic)
    }
    #expect(throws: TheoryError.zeroVector("estimate g")) {
      try check.check(at: vec(1, 1), estimate: vec(0, 0), theta: .automatic)
    }
    #expect(throws: TheoryError.dimensionMismatch(what: "estimate g", expected: 2, actual: 3)) {
      try check.check(at: vec(1, 1), estimate: vec(1, 0, 0), theta: .automatic)
    }
  }

  @Test func linearTermGivesTheMinimizer() throws {
    let loss = try QuadraticLoss(hessian: [vec(2, 1), vec(1, 2)], linearTerm: vec(3, 3))
    #expect(loss.minimizer == vec(1, 1))
    #expect(try loss.gradient(at: vec(1, 1)) == vec(0, 0))
  }
}
