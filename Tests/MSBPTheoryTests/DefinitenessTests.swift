import ExactArithmetic
import ExactLinearAlgebra
import PropertyTesting
import Testing
@testable import MSBPTheory

/// `Definiteness` is this module's own (fraction-free) elimination, kept independent of
/// ExactLinearAlgebra so certificates are re-verified by a second code path. These tests
/// compare the two on random symmetric matrices, semidefinite edge cases included.
@Suite struct DefinitenessTests {
  /// Symmetric matrices with small rational entries, of order 1...5; about half are
  /// Gram matrices `M^T M` (positive semidefinite, often singular when M is wide).
  static var symmetric: Gen<[[Rational]]> { Gen.int(in: 1...5).flatMap { n in
    Gen.zip(Gen.int(in: -3...3).array(count: n * n), Gen.int(in: 1...3), Gen.bool).map { raw, den, gram in
      let m = (0..<n).map { i in (0..<n).map { j in Rational(raw[i * n + j], den) } }
      if gram {
        // Rows beyond the first two are zeroed: rank <= 2 makes zero pivots common.
        let thin = m.enumerated().map { i, row in i < 2 ? row : row.map { _ in Rational(0) } }
        return (0..<n).map { i in (0..<n).map { j in (0..<n).reduce(Rational(0)) { $0 + thin[$1][i] * thin[$1][j] } } }
      }
      return (0..<n).map { i in (0..<n).map { j in i <= j ? m[i][j] : m[j][i] } }
    }
  } }

  @Test func strictAgreesWithBareissSylvester() throws {
    try forAll("Definiteness strict == ExactLinearAlgebra positive definite", Self.symmetric, cases: 300) { a, ctx in
      let reference = try RationalMatrix(rows: a).positiveDefiniteness().isPositiveDefinite
      ctx.classify("positive definite", reference)
      return Definiteness.isPositive(a, strict: true) == reference
    }
  }

  /// Semidefinite: `A` is PSD iff `A + εI` is PD for every ε > 0; with exact rationals
  /// a small enough ε decides it (below the smallest positive eigenvalue's scale).
  @Test func semidefiniteAgreesWithShiftedDefiniteness() throws {
    try forAll("Definiteness semidefinite == PD of A + eps I for tiny eps", Self.symmetric, cases: 300) { a, ctx in
      let eps = Rational(1, 1 << 40)
      let shifted = try RationalMatrix(rows: Definiteness.shifted(a, by: eps)).positiveDefiniteness()
      let psd = Definiteness.isPositive(a, strict: false)
      ctx.classify("singular PSD", psd && !Definiteness.isPositive(a, strict: true))
      return psd == shifted.isPositiveDefinite
    }
  }

  @Test func zeroPivotWithNonzeroRowIsNotSemidefinite() {
    // [[0, 1], [1, 0]] has eigenvalues ±1; [[0, 0], [0, 1]] is PSD and singular.
    #expect(!Definiteness.isPositive([[Rational(0), Rational(1)], [Rational(1), Rational(0)]], strict: false))
    #expect(Definiteness.isPositive([[Rational(0), Rational(0)], [Rational(0), Rational(1)]], strict: false))
    #expect(!Definiteness.isPositive([[Rational(0), Rational(0)], [Rational(0), Rational(1)]], strict: true))
  }
}
