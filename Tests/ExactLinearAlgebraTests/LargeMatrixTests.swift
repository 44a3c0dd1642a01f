import ExactArithmetic
import Testing
@testable import ExactLinearAlgebra

/// A few big cases (dimension 40-64), checked by a route independent of the certification:
/// Sylvester's criterion (leading principal minors, no pivoting) on A - mu I and L I - A,
/// and not-positive-definiteness certificates at the inner bounds.
@Suite struct LargeMatrixTests {
  @Test(arguments: [(40, UInt64(401)), (64, UInt64(641))])
  func certifiedBoundsOfLargeRandomSPDMatrices(n: Int, seed: UInt64) throws {
    let a = try MatrixGenerators.randomPositiveDefinite(dimension: n, seed: seed)
    let b = try a.certifiedExtremeEigenvalues()
    #expect(b.lambdaMinUpperBound - b.mu <= b.relativeGap * b.mu.magnitude)
    #expect(b.L - b.lambdaMaxLowerBound <= b.relativeGap * b.L.magnitude)
    // M^T M + I has every eigenvalue >= 1.
    #expect(b.lambdaMinUpperBound >= .one)
    // mu < lambda_min strictly here (a generic float-certified bound), so A - mu I is PD.
    #expect(try a.shifted(by: -b.mu).positiveDefiniteness() == .positiveDefinite)
    #expect(try a.scaled(by: -.one).shifted(by: b.L).positiveDefiniteness() == .positiveDefinite)
    // The inner bounds are attained by Rayleigh quotients, so shifting by a bit beyond them
    // gives matrices that are not PD, with certificates that verify.
    // (Only at n = 40: the witness solves are the slow part in a debug build.)
    guard n <= 40 else { return }
    let epsilon = b.relativeGap * b.mu / Rational(1024)
    for c in [try a.shifted(by: -(b.lambdaMinUpperBound + epsilon)),
              try a.scaled(by: -.one).shifted(by: b.lambdaMaxLowerBound - epsilon)] {
      guard case .notPositiveDefinite(let certificate) = try c.positiveDefiniteness() else {
        Issue.record("expected a not-PD certificate"); continue
      }
      #expect(certificate.verify(against: c))
    }
  }
}
