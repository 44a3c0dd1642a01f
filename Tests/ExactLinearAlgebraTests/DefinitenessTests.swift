import ExactArithmetic
import Testing
@testable import ExactLinearAlgebra

@Suite struct DefinitenessTests {
  @Test func ldltReconstructsAndItsMinorsAreTheLeadingDeterminants() throws {
    var g = TestGenerator(21)
    for n in [1, 2, 4, 7] {
      let a = try MatrixGenerators.randomPositiveDefinite(dimension: n, using: &g)
      let f = try a.ldlt()
      #expect(try f.reconstructed() == a)
      for k in 1...n {
        let block = (0..<k).map { i in (0..<k).map { j in a[i, j] } }
        #expect(f.leadingPrincipalMinors[k - 1] == (try RationalMatrix(rows: block).determinant()))
        #expect(f.lower[k - 1, k - 1] == .one)
      }
    }
    // An indefinite matrix with non-zero minors factors too, with a negative D entry.
    let indefinite = try RationalMatrix(integerRows: [[1, 2], [2, 1]])
    let f = try indefinite.ldlt()
    #expect(f.diagonal == [q(1), q(-3)])
    #expect(try f.reconstructed() == indefinite)
    #expect(throws: LinearAlgebraError.zeroPivot(index: 0)) {
      try RationalMatrix(integerRows: [[0, 1], [1, 0]]).ldlt()
    }
  }

  @Test func positiveDefiniteMatricesAreRecognized() throws {
    var g = TestGenerator(22)
    for n in [1, 3, 8] {
      let a = try MatrixGenerators.randomPositiveDefinite(dimension: n, shift: q(1, 100), using: &g)
      #expect(try a.positiveDefiniteness() == .positiveDefinite)
    }
    #expect(try MatrixGenerators.hilbert(12).positiveDefiniteness() == .positiveDefinite)
  }

  /// Q diag(lambda) Q^T with a non-positive lambda is not PD; the certificate is checked
  /// here from scratch (cofactor minor, explicit quadratic form), not by the module.
  @Test func certificatesOfNonPositiveDefinitenessVerifyIndependently() throws {
    var g = TestGenerator(23)
    let spectra: [[Rational]] = [
      [q(-1)], [q(0)], [q(2), q(0)], [q(3), q(-1, 2), q(5)], [q(1), q(1), q(1), q(0)],
      [q(1, 3), q(2), q(-7, 5), q(4), q(1, 2)],
    ]
    for spectrum in spectra {
      let a = try MatrixGenerators.withSpectrum(spectrum, using: &g)
      guard case .notPositiveDefinite(let certificate) = try a.positiveDefiniteness() else {
        Issue.record("spectrum \(spectrum) was declared positive definite")
        continue
      }
      let k = certificate.order
      let block = (0..<k).map { i in (0..<k).map { j in a[i, j] } }
      #expect(cofactorDeterminant(block) == certificate.leadingPrincipalMinor)
      #expect(certificate.leadingPrincipalMinor.signum <= 0)
      for i in 0..<(k - 1) {
        let smaller = (0...i).map { r in (0...i).map { c in a[r, c] } }
        #expect(cofactorDeterminant(smaller).signum > 0)
      }
      #expect(certificate.vector.entries.contains { !$0.isZero })
      let form = naiveQuadraticForm(a, certificate.vector.entries)
      #expect(form == certificate.quadraticFormValue && form.signum <= 0)
      #expect(certificate.verify(against: a))
    }
    // A certificate does not verify against a matrix it was not made for.
    let a = try RationalMatrix(integerRows: [[1, 2], [2, 1]])
    guard case .notPositiveDefinite(let c) = try a.positiveDefiniteness() else {
      Issue.record("[[1,2],[2,1]] is indefinite"); return
    }
    #expect(c.order == 2 && c.leadingPrincipalMinor == q(-3))
    #expect(!c.verify(against: RationalMatrix.identity(2)))
  }

  @Test func semidefinitenessDecisionWithWitnesses() throws {
    var g = TestGenerator(24)
    // PSD of known rank (rank = number of non-zero eigenvalues).
    for spectrum in [[q(0)], [q(1), q(0), q(2)], [q(0), q(0), q(3, 2), q(1, 7)]] {
      let a = try MatrixGenerators.withSpectrum(spectrum, using: &g)
      guard case .positiveSemidefinite(let rank) = try a.semidefiniteness() else {
        Issue.record("spectrum \(spectrum) should be PSD"); continue
      }
      #expect(rank == spectrum.filter { !$0.isZero }.count)
    }
    // Indefinite, including the zero-diagonal case [[0, 1], [1, 0]].
    let cases = [try RationalMatrix(integerRows: [[0, 1], [1, 0]]),
                 try MatrixGenerators.withSpectrum([q(1), q(0), q(-1, 9)], using: &g)]
    for a in cases {
      guard case .indefinite(let v, let value) = try a.semidefiniteness() else {
        Issue.record("\(a) should be indefinite"); continue
      }
      #expect(value.signum < 0 && naiveQuadraticForm(a, v.entries) == value)
    }
  }
}
