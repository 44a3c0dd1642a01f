// Generators of rational vectors and matrices, including matrices with known spectra.
//
// The matrices with known spectra are built from choices (so they shrink) with
// ExactLinearAlgebra's own constructions: `MatrixGenerators.cayleyTransform` for rational
// orthogonal matrices, `RationalMatrix.diagonal`, products and `inverse()`.

import ExactArithmetic
import ExactLinearAlgebra
import PropertyTesting

extension Gen where Value == RationalVector {
  /// Rational vectors with a length in `count`, in the shapes of
  /// ``PropertyTesting/Gen/rationalEntries(count:maxBits:)`` (zero, sparse, ties in magnitude,
  /// general); shrinks towards short vectors of small integers.
  public static func rationalVector(count: ClosedRange<Int> = 1...8, maxBits: Int = 128) -> Gen<RationalVector> {
    Gen<[Rational]>.rationalEntries(count: count, maxBits: maxBits).map(RationalVector.init)
  }

  /// Rational vectors of exactly `count` entries.
  public static func rationalVector(count: Int, maxBits: Int = 128) -> Gen<RationalVector> {
    rationalVector(count: count...count, maxBits: maxBits)
  }
}

/// A matrix `A = P diag(λ) P⁻¹` together with its exact eigenvalues `λ` and eigenvector
/// basis `P` (column `i` of `P` is an eigenvector for `eigenvalues[i]`). For the symmetric
/// generators `P` is a rational orthogonal matrix, so `A = P diag(λ) Pᵀ`.
public struct KnownSpectrumMatrix: Sendable, CustomStringConvertible {
  /// The matrix.
  public let matrix: RationalMatrix
  /// The eigenvalues, with multiplicity, in the order of the columns of `eigenvectors`.
  public let eigenvalues: [Rational]
  /// The eigenvector basis `P`.
  public let eigenvectors: RationalMatrix

  /// The eigenvalues in ascending order.
  public var sortedEigenvalues: [Rational] { eigenvalues.sorted() }

  /// The eigenvalues and the matrix (what a failure report shows).
  public var description: String {
    "eigenvalues [\(eigenvalues.map(\.description).joined(separator: ", "))] of \(matrix)"
  }
}

extension ChoiceSource {
  /// A checked dimension range.
  fileprivate func drawDimension(_ range: ClosedRange<Int>, _ name: String) throws -> Int {
    guard range.lowerBound >= 1 else {
      throw GeneratorError("\(name): dimensions must be >= 1, got \(range)")
    }
    return try drawInt(in: range)
  }
}

extension Gen where Value == RationalMatrix {
  /// General `r x c` rational matrices with `r` in `rows` and `c` in `columns`, entries
  /// from `entries` in row-major order. Shrinks towards small dimensions and zero entries.
  public static func rationalMatrix(
    rows: ClosedRange<Int> = 1...4, columns: ClosedRange<Int> = 1...4,
    entries: Gen<Rational> = .smallRational()
  ) -> Gen<RationalMatrix> {
    Gen { source in
      let r = try source.drawDimension(rows, "Gen.rationalMatrix(rows:)")
      let c = try source.drawDimension(columns, "Gen.rationalMatrix(columns:)")
      var values: [Rational] = []
      for _ in 0..<(r * c) { values.append(try entries.generate(source)) }
      return try RationalMatrix(rowCount: r, columnCount: c, entries: values)
    }
  }

  /// Symmetric `n x n` rational matrices, `n` in `dimension`; the upper triangle is drawn
  /// from `entries` and mirrored.
  public static func symmetricRationalMatrix(
    dimension: ClosedRange<Int> = 1...4, entries: Gen<Rational> = .smallRational()
  ) -> Gen<RationalMatrix> {
    Gen { source in
      let n = try source.drawDimension(dimension, "Gen.symmetricRationalMatrix")
      var rows = [[Rational]](repeating: [Rational](repeating: .zero, count: n), count: n)
      for i in 0..<n {
        for j in i..<n {
          let x = try entries.generate(source)
          rows[i][j] = x
          rows[j][i] = x
        }
      }
      return try RationalMatrix(rows: rows)
    }
  }

  /// Rational orthogonal `n x n` matrices (`QᵀQ = I` exactly): the Cayley transform
  /// (`MatrixGenerators.cayleyTransform`) of a skew-symmetric matrix with entries from
  /// `skewEntries`. Shrinks towards the identity.
  public static func orthogonalRationalMatrix(
    dimension: ClosedRange<Int> = 1...4,
    skewEntries: Gen<Rational> = .smallRational(numerators: -3...3, denominators: 1...4)
  ) -> Gen<RationalMatrix> {
    Gen { source in
      let n = try source.drawDimension(dimension, "Gen.orthogonalRationalMatrix")
      return try MatrixGenerators.cayleyTransform(skewSymmetric(n, skewEntries, source))
    }
  }
}

/// A skew-symmetric matrix whose strict upper triangle is drawn from `entries`.
private func skewSymmetric(_ n: Int, _ entries: Gen<Rational>, _ source: ChoiceSource) throws -> RationalMatrix {
  var rows = [[Rational]](repeating: [Rational](repeating: .zero, count: n), count: n)
  for i in 0..<n {
    for j in (i + 1)..<max(i + 1, n) {
      let x = try entries.generate(source)
      rows[i][j] = x
      rows[j][i] = -x
    }
  }
  return try RationalMatrix(rows: rows)
}

extension Gen where Value == KnownSpectrumMatrix {
  /// Symmetric matrices `Q diag(λ) Qᵀ` with `Q` rational orthogonal and `λ` drawn like a
  /// rational vector (so zero, repeated and sparse spectra come on purpose), each
  /// eigenvalue with up to `eigenvalueBits` bits per part.
  public static func symmetricMatrixWithKnownSpectrum(
    dimension: ClosedRange<Int> = 1...4, eigenvalueBits: Int = 32
  ) -> Gen<KnownSpectrumMatrix> {
    spectral(dimension, eigenvalueBits, "Gen.symmetricMatrixWithKnownSpectrum") { λ, _ in λ }
  }

  /// Symmetric positive definite matrices with known spectrum: eigenvalues
  /// `|x_i| + 1/m` (`x` drawn like a rational vector, `m` in 1...1000, so eigenvalues as
  /// small as 1/1000, repeated eigenvalues, and scalar matrices all occur).
  public static func positiveDefiniteMatrix(
    dimension: ClosedRange<Int> = 1...4, eigenvalueBits: Int = 32
  ) -> Gen<KnownSpectrumMatrix> {
    spectral(dimension, eigenvalueBits, "Gen.positiveDefiniteMatrix") { λ, source in
      let shift = Rational(1, try source.drawInt(in: 1...1000))
      return λ.map { $0.magnitude + shift }
    }
  }

  /// Symmetric positive semidefinite matrices with known spectrum: eigenvalues `|x_i|`
  /// (so singular ones, with zero eigenvalues, occur on purpose).
  public static func positiveSemidefiniteMatrix(
    dimension: ClosedRange<Int> = 1...4, eigenvalueBits: Int = 32
  ) -> Gen<KnownSpectrumMatrix> {
    spectral(dimension, eigenvalueBits, "Gen.positiveSemidefiniteMatrix") { λ, _ in λ.map(\.magnitude) }
  }

  /// General (non-symmetric in general) matrices `P diag(λ) P⁻¹` with real rational
  /// spectrum `λ` and `P = L U`, `L` unit lower and `U` unit upper triangular with small
  /// entries (so `det P = 1` and `P` is always invertible).
  public static func matrixWithKnownSpectrum(
    dimension: ClosedRange<Int> = 1...4, eigenvalueBits: Int = 32,
    basisEntries: Gen<Rational> = .smallRational(numerators: -3...3, denominators: 1...3)
  ) -> Gen<KnownSpectrumMatrix> {
    Gen { source in
      let n = try source.drawDimension(dimension, "Gen.matrixWithKnownSpectrum")
      let λ = try Gen<[Rational]>.rationalEntries(count: n, maxBits: eigenvalueBits).generate(source)
      var lower = [[Rational]](repeating: [Rational](repeating: .zero, count: n), count: n)
      var upper = lower
      for i in 0..<n {
        lower[i][i] = .one
        upper[i][i] = .one
        for j in 0..<i { lower[i][j] = try basisEntries.generate(source) }
        for j in (i + 1)..<max(i + 1, n) { upper[i][j] = try basisEntries.generate(source) }
      }
      let p = try RationalMatrix(rows: lower).multiplied(by: RationalMatrix(rows: upper))
      let a = try p.multiplied(by: RationalMatrix.diagonal(λ)).multiplied(by: p.inverse())
      return KnownSpectrumMatrix(matrix: a, eigenvalues: λ, eigenvectors: p)
    }
  }

  private static func spectral(
    _ dimension: ClosedRange<Int>, _ bits: Int, _ name: String,
    _ eigenvalues: @escaping ([Rational], ChoiceSource) throws -> [Rational]
  ) -> Gen<KnownSpectrumMatrix> {
    Gen { source in
      let n = try source.drawDimension(dimension, name)
      let raw = try Gen<[Rational]>.rationalEntries(count: n, maxBits: bits).generate(source)
      let λ = try eigenvalues(raw, source)
      let q = try MatrixGenerators.cayleyTransform(
        skewSymmetric(n, .smallRational(numerators: -3...3, denominators: 1...4), source))
      let a = try q.multiplied(by: RationalMatrix.diagonal(λ)).multiplied(by: q.transposed())
      return KnownSpectrumMatrix(matrix: a, eigenvalues: λ, eigenvectors: q)
    }
  }
}
