import ExactArithmetic
import MSBPTestSupport
import PropertyTesting
import Testing
@testable import ExactLinearAlgebra

/// Random-matrix properties, driven by the property-testing engine with fixed seeds (so
/// every run checks the same cases; `PROPERTY_SCALE` raises the count for soak runs).
@Suite struct SpectrumPropertyTests {
  /// mu <= every eigenvalue enclosure <= L, the chosen eigenvalues lie in their enclosures,
  /// and the requested relative gap is met.
  @Test func certifiedBoundsEncloseKnownSpectra() throws {
    try forAll("certified bounds enclose known spectra",
               Gen.symmetricMatrixWithKnownSpectrum(dimension: 1...12, eigenvalueBits: 12),
               cases: 40, seed: 0x11A1) { m in
      let b = try m.matrix.certifiedExtremeEigenvalues()
      let sorted = m.sortedEigenvalues
      let enclosures = try m.matrix.eigenvalueEnclosures(precisionBits: 24)
      guard enclosures.count == sorted.count else { return false }
      for (e, lambda) in zip(enclosures, sorted) {
        guard e.lower <= lambda, lambda <= e.upper, e.upper - e.lower <= twoToMinus(24),
              b.mu <= e.upper, e.lower <= b.L else { return false }
      }
      return b.mu <= sorted.first! && sorted.first! <= b.lambdaMinUpperBound
        && b.lambdaMaxLowerBound <= sorted.last! && sorted.last! <= b.L
        && b.lambdaMinUpperBound - b.mu <= b.relativeGap * b.mu.magnitude
        && b.L - b.lambdaMaxLowerBound <= b.relativeGap * b.L.magnitude
    }
  }

  /// The same with a coarse gap (exercises other grids) on positive semidefinite spectra,
  /// where zero eigenvalues must come out exactly.
  @Test func semidefiniteSpectraWithZeroEigenvalues() throws {
    let gap = Rational(1, 64)
    try forAll("PSD spectra certified at gap 1/64",
               Gen.positiveSemidefiniteMatrix(dimension: 1...8, eigenvalueBits: 10),
               cases: 40, seed: 0x11A2) { m in
      let b = try m.matrix.certifiedExtremeEigenvalues(relativeGap: gap)
      let lo = m.sortedEigenvalues.first!, hi = m.sortedEigenvalues.last!
      guard b.mu <= lo, lo <= b.lambdaMinUpperBound, b.lambdaMaxLowerBound <= hi, hi <= b.L else { return false }
      if lo.isZero && !(b.mu.isZero && b.lambdaMinUpperBound.isZero) { return false }
      return b.lambdaMinUpperBound - b.mu <= gap * b.mu.magnitude
    }
  }

  /// Positive definite inputs are recognized; others come with a certificate that verifies
  /// from scratch (naive quadratic form; minor recomputed by `determinant()`).
  @Test func definitenessDecisionsAndCertificates() throws {
    try forAll("PD decision with checkable certificates",
               Gen.symmetricMatrixWithKnownSpectrum(dimension: 1...8, eigenvalueBits: 10),
               cases: 60, seed: 0x11A3) { m in
      let isPD = m.eigenvalues.allSatisfy { $0.signum > 0 }
      switch try m.matrix.positiveDefiniteness() {
      case .positiveDefinite:
        return isPD
      case .notPositiveDefinite(let c):
        let form = naiveQuadraticForm(m.matrix, c.vector.entries)
        return !isPD && form == c.quadraticFormValue && form.signum <= 0
          && c.vector.entries.contains { !$0.isZero } && c.verify(against: m.matrix)
      }
    }
  }

  /// det(P diag(l) P^-1) = prod l, and the characteristic polynomial is prod (x - l), for
  /// non-symmetric matrices with known real spectra.
  @Test func characteristicPolynomialAndDeterminantOfKnownSpectra() throws {
    try forAll("charpoly and det of P diag P^-1",
               Gen.matrixWithKnownSpectrum(dimension: 1...7, eigenvalueBits: 16),
               cases: 40, seed: 0x11A4) { m in
      let product = m.eigenvalues.reduce(Rational.one, *)
      return try m.matrix.determinant() == product
        && m.matrix.characteristicPolynomial().coefficients == polynomialWithRoots(m.eigenvalues)
    }
  }

  /// A A^-1 = I, A (A^-1 b) = b, and rank/determinant agree, on random square matrices.
  @Test func inverseSolveAndRankOnRandomMatrices() throws {
    let square = Gen<Int>.int(in: 1...6).flatMap { n in
      Gen.rationalMatrix(rows: n...n, columns: n...n, entries: .smallRational(numerators: -4...4, denominators: 1...5))
    }
    try forAll("inverse, solve and rank agree", square, cases: 60, seed: 0x11A5) { a in
      let n = a.rowCount
      let det = try a.determinant()
      guard (a.rank() == n) == !det.isZero else { return false }
      guard !det.isZero else { return true }
      let b = RationalVector((0..<n).map { Rational($0 + 1, 2) })
      return try a.multiplied(by: a.inverse()) == RationalMatrix.identity(n)
        && a.multiplied(by: a.solve(b)) == b
    }
  }
}
