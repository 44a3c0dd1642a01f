import ExactArithmetic
import Testing
@testable import ExactLinearAlgebra

@Suite struct SpectrumTests {
  @Test func cayleyTransformIsExactlyOrthogonal() throws {
    var g = TestGenerator(31)
    for n in [1, 2, 5, 8] {
      let q = try MatrixGenerators.randomOrthogonal(dimension: n, using: &g)
      #expect(try q.transposed().multiplied(by: q) == RationalMatrix.identity(n))
    }
    #expect(throws: LinearAlgebraError.self) {
      try MatrixGenerators.cayleyTransform(RationalMatrix(integerRows: [[1, 0], [0, 0]]))
    }
  }

  @Test func characteristicPolynomialOfKnownSpectra() throws {
    var g = TestGenerator(32)
    let spectra: [[Rational]] = [
      [q(5)], [q(1, 2), q(-3)], [q(2), q(2), q(-1, 3), q(7, 4)], [q(0), q(1), q(1), q(1), q(-5, 6), q(9, 2)],
    ]
    for spectrum in spectra {
      let a = try MatrixGenerators.withSpectrum(spectrum, using: &g)
      #expect(try a.characteristicPolynomial().coefficients == polynomialWithRoots(spectrum))
    }
  }

  /// For a general (non-symmetric) matrix: p(0) = (-1)^n det A, the x^(n-1) coefficient is
  /// -trace A, and Cayley-Hamilton p(A) = 0 holds exactly.
  @Test func characteristicPolynomialIdentitiesOnRandomMatrices() throws {
    var g = TestGenerator(33)
    for n in [1, 3, 6] {
      let a = try MatrixGenerators.random(rows: n, columns: n, using: &g)
      let p = try a.characteristicPolynomial()
      #expect(p.degree == n && p.leadingCoefficient == .one)
      let det = try a.determinant()
      #expect(p.coefficients.first ?? .zero == (n % 2 == 0 ? det : -det))
      var trace = Rational.zero
      for i in 0..<n { trace += a[i, i] }
      #expect(p.coefficients[n - 1] == -trace)
      var value = RationalMatrix.identity(n).scaled(by: .zero)
      for c in p.coefficients.reversed() { value = try value.multiplied(by: a).shifted(by: c) }
      #expect(value == RationalMatrix.identity(n).scaled(by: .zero))
    }
  }

  /// Large entries exercise many primes in the Chinese remainder reconstruction.
  @Test func characteristicPolynomialWithHugeEntries() throws {
    let big = Rational(BigInt(10).power(40))
    let a = try RationalMatrix(rows: [[big, q(1, 3)], [q(2), -big / q(7)]])
    let p = try a.characteristicPolynomial()
    let trace = a[0, 0] + a[1, 1]
    let det = a[0, 0] * a[1, 1] - a[0, 1] * a[1, 0]
    #expect(p.coefficients == [det, -trace, .one])
  }

  @Test func enclosuresOfCayleySpectraContainTheChosenEigenvalues() throws {
    var g = TestGenerator(34)
    let spectra: [[Rational]] = [
      [q(3)], [q(1, 3), q(2, 3)], [q(-2), q(1, 7), q(1, 7), q(5)], [q(0), q(1, 1000), q(-1, 1000), q(4), q(4), q(4)],
      (1...8).map { q($0 * $0, 3) },
    ]
    for spectrum in spectra {
      let a = try MatrixGenerators.withSpectrum(spectrum, using: &g)
      let bits = 40
      let enclosures = try a.eigenvalueEnclosures(precisionBits: bits)
      let sorted = spectrum.sorted()
      #expect(enclosures.count == sorted.count)
      for (e, lambda) in zip(enclosures, sorted) {
        #expect(e.lower <= lambda && lambda <= e.upper)
        #expect(e.upper - e.lower <= twoToMinus(bits))
      }
      // Sturm counts: distinct roots in (a, b] equal the distinct chosen eigenvalues there.
      let sturm = try a.characteristicPolynomial().sturmSequence()
      let distinct = Set(spectrum)
      for (lo, hi) in [(q(-10), q(10)), (q(0), q(1)), (q(-1, 2), q(1, 3)), (q(1, 7), q(4))] {
        #expect(try sturm.distinctRootCount(in: lo, hi) == distinct.filter { lo < $0 && $0 <= hi }.count)
      }
    }
  }

  @Test func certifiedExtremesOfCayleySpectra() throws {
    var g = TestGenerator(35)
    let spectra: [[Rational]] = [
      [q(3)], [q(1, 3), q(2, 3)], [q(-2), q(1, 7), q(5)], [q(0), q(1), q(2)], [q(-4), q(-1)],
      [q(1, 1000), q(1), q(1000)], (1...10).map { q($0, 7) },
    ]
    for spectrum in spectra {
      let a = try MatrixGenerators.withSpectrum(spectrum, using: &g)
      let b = try a.certifiedExtremeEigenvalues()
      let lo = spectrum.min()!, hi = spectrum.max()!
      #expect(b.mu <= lo && lo <= b.lambdaMinUpperBound)
      #expect(b.lambdaMaxLowerBound <= hi && hi <= b.L)
      #expect(b.lambdaMinUpperBound - b.mu <= b.relativeGap * b.mu.magnitude)
      #expect(b.L - b.lambdaMaxLowerBound <= b.relativeGap * b.L.magnitude)
    }
  }

  /// Ill-conditioned input: Hilbert matrices (cond(H_10) ~ 1.6e13) defeat the floating
  /// proof, so the exact LDL^T or Sturm fallback must carry the certificate.
  @Test(arguments: [2, 6, 10]) func certifiedExtremesOfHilbertMatrices(n: Int) throws {
    let h = try MatrixGenerators.hilbert(n)
    let b = try h.certifiedExtremeEigenvalues()
    let enclosures = try h.eigenvalueEnclosures(precisionBits: 80)
    #expect(b.mu <= enclosures.first!.lower && enclosures.first!.upper <= b.L)
    #expect(b.mu <= enclosures.first!.upper && enclosures.first!.lower <= b.lambdaMinUpperBound)
    #expect(b.lambdaMaxLowerBound <= enclosures.last!.upper && enclosures.last!.lower <= b.L)
    #expect(b.lambdaMinUpperBound - b.mu <= b.relativeGap * b.mu.magnitude)
    if n == 10 { #expect(b.muMethod != .floatingCholeskyResidual) }
  }

  @Test func degenerateSpectraAreCertifiedExactly() throws {
    let zero = try RationalMatrix(integerRows: [[0, 0], [0, 0]])
    let b = try zero.certifiedExtremeEigenvalues()
    #expect(b.mu == .zero && b.L == .zero && b.isLambdaMinExact && b.isLambdaMaxExact)
    var g = TestGenerator(36)
    let singular = try MatrixGenerators.withSpectrum([q(0), q(2), q(3)], using: &g)
    let s = try singular.certifiedExtremeEigenvalues()
    #expect(s.mu == .zero && s.lambdaMinUpperBound == .zero)
    #expect(throws: LinearAlgebraError.self) { try singular.certifiedExtremeEigenvalues(relativeGap: .zero) }
    #expect(throws: LinearAlgebraError.notSymmetric(row: 0, column: 1)) {
      try RationalMatrix(integerRows: [[1, 2], [3, 4]]).certifiedExtremeEigenvalues()
    }
  }

  /// W = Q1 [diag(s) 0] Q2 has singular values s, so cond(W)^2 = (max s / min s)^2 exactly.
  @Test func conditionNumberOfConstructedMatrices() throws {
    var g = TestGenerator(37)
    let q1 = try MatrixGenerators.randomOrthogonal(dimension: 3, using: &g)
    let q2 = try MatrixGenerators.randomOrthogonal(dimension: 5, using: &g)
    let s = [q(1, 2), q(3), q(2)]
    var core = [[Rational]](repeating: [Rational](repeating: .zero, count: 5), count: 3)
    for i in 0..<3 { core[i][i] = s[i] }
    let w = try q1.multiplied(by: RationalMatrix(rows: core)).multiplied(by: q2)
    let bounds = try conditionNumberSquaredBounds(w)
    let rho = q(36)
    #expect(bounds.lower <= rho && rho <= bounds.upper)
    #expect(bounds.upper - bounds.lower <= rho * q(1, 1 << 27))
    // Dependent rows: infinite condition number, reported as an error naming the rank.
    let dependent = try RationalMatrix(integerRows: [[1, 2, 3], [2, 4, 6]])
    #expect(throws: LinearAlgebraError.rankDeficient(rank: 1, rows: 2)) {
      try conditionNumberSquaredBounds(dependent)
    }
  }
}
