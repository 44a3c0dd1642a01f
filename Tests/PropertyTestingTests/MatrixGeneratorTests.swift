import ExactArithmetic
import ExactLinearAlgebra
@testable import MSBPTestSupport
@testable import PropertyTesting
import Testing

/// Matrix generators: every claimed structure is checked with an independent method of
/// ExactLinearAlgebra (the multimodular characteristic polynomial, LDLᵀ), and shrinking
/// reaches the smallest matrices.
@Suite struct MatrixGeneratorTests {
  /// det(tI - A) = Π (t - λ_i) at n + 1 points: two monic polynomials of degree n agreeing
  /// at n + 1 points are equal, so the spectrum (with multiplicity) is exactly `λ`.
  func spectrumIsExact(_ m: KnownSpectrumMatrix) throws -> Bool {
    let p = try m.matrix.characteristicPolynomial()
    let n = m.eigenvalues.count
    guard p.degree == n else { return false }
    return (0...n).allSatisfy { t in
      let x = Rational(t)
      return p.evaluated(at: x) == m.eigenvalues.reduce(Rational(1)) { $0 * (x - $1) }
    }
  }

  /// A p_i = λ_i p_i for every column p_i of the eigenvector basis.
  func eigenvectorsAreExact(_ m: KnownSpectrumMatrix) throws -> Bool {
    try (0..<m.eigenvalues.count).allSatisfy { i in
      let p = m.eigenvectors.column(i)
      return try m.matrix.multiplied(by: p) == p.scaled(by: m.eigenvalues[i])
    }
  }

  @Test func symmetricMatricesHaveTheirSpectrum() throws {
    try checkProperty("symmetric known spectrum", Gen.symmetricMatrixWithKnownSpectrum(), cases: 40,
      cover: ["repeated eigenvalue": 0.1, "zero eigenvalue": 0.1, "n >= 3": 0.2], corpus: .disabled) { m, ctx in
      ctx.classify("repeated eigenvalue", Set(m.eigenvalues).count < m.eigenvalues.count)
      ctx.classify("zero eigenvalue", m.eigenvalues.contains(where: \.isZero))
      ctx.classify("n >= 3", m.eigenvalues.count >= 3)
      let q = m.eigenvectors
      return try m.matrix.isSymmetric && q.transposed().multiplied(by: q) == RationalMatrix.identity(q.rowCount)
        && spectrumIsExact(m) && eigenvectorsAreExact(m)
    }
  }

  @Test func positiveDefiniteMatricesAreCertifiedPositiveDefinite() throws {
    try checkProperty("positive definite", Gen.positiveDefiniteMatrix(), cases: 40, corpus: .disabled) { m in
      try m.eigenvalues.allSatisfy { $0.signum > 0 } && m.matrix.positiveDefiniteness().isPositiveDefinite
        && spectrumIsExact(m)
    }
    try checkProperty("positive semidefinite", Gen.positiveSemidefiniteMatrix(), cases: 40,
      cover: ["singular": 0.1], corpus: .disabled) { m, ctx in
      let singular = m.eigenvalues.contains(where: \.isZero)
      ctx.classify("singular", singular)
      // With a zero eigenvalue the matrix must not be certified positive definite.
      return try m.eigenvalues.allSatisfy { $0.signum >= 0 } && spectrumIsExact(m)
        && m.matrix.positiveDefiniteness().isPositiveDefinite == !singular
    }
  }

  @Test func generalMatricesHaveTheirSpectrum() throws {
    try checkProperty("general known spectrum", Gen.matrixWithKnownSpectrum(), cases: 40,
      cover: ["not symmetric": 0.3], corpus: .disabled) { m, ctx in
      ctx.classify("not symmetric", !m.matrix.isSymmetric)
      return try spectrumIsExact(m) && eigenvectorsAreExact(m)
    }
  }

  @Test func plainMatrixGeneratorsKeepTheirShape() throws {
    try checkProperty("general", Gen.rationalMatrix(rows: 2...3, columns: 1...5), corpus: .disabled) { m in
      (2...3).contains(m.rowCount) && (1...5).contains(m.columnCount)
    }
    try checkProperty("symmetric", Gen.symmetricRationalMatrix(), corpus: .disabled) { m in m.isSymmetric }
    try checkProperty("orthogonal", Gen.orthogonalRationalMatrix(), cases: 40, corpus: .disabled) { q in
      try q.transposed().multiplied(by: q) == RationalMatrix.identity(q.rowCount)
    }
    let failure = try expectFailure {
      try checkProperty("bad dimension", Gen.symmetricRationalMatrix(dimension: 0...2), corpus: .disabled) { _ in true }
    }
    #expect(failure.thrownError?.contains("0...2") == true)
  }

  @Test func largestEigenvalueShrinksToOneByOne() throws {
    let failure = try expectFailure {
      try checkProperty("every eigenvalue is below 3", Gen.symmetricMatrixWithKnownSpectrum(), corpus: .disabled) { m in
        m.eigenvalues.allSatisfy { $0 < Rational(3) }
      }
    }
    let expected = "eigenvalues [3] of \(try RationalMatrix(rows: [[Rational(3)]]))"
    #expect(failure.shrunkCounterexample == expected)
  }

  @Test func traceShrinksToSmallestMatrix() throws {
    let failure = try expectFailure {
      try checkProperty("trace below 5", Gen.symmetricRationalMatrix(), corpus: .disabled) { m in
        (0..<m.rowCount).reduce(Rational(0)) { $0 + m[$1, $1] } < Rational(5)
      }
    }
    #expect(failure.shrunkCounterexample == "\(try RationalMatrix(rows: [[Rational(5)]]))")
  }

  @Test func rationalVectorsWrapTheEntries() throws {
    let failure = try expectFailure {
      try checkProperty("squared norm below 10", Gen.rationalVector(), corpus: .disabled) { v in v.squaredNorm < Rational(10) }
    }
    #expect(failure.shrunkCounterexample == "\(RationalVector([Rational(4)]))")
  }
}
