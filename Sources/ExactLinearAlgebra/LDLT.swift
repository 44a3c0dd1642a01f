import ExactArithmetic

/// An exact `A = L D L^T` factorization of a symmetric rational matrix without pivoting.
public struct LDLTResult: Sendable, Hashable {
  /// The unit lower triangular factor `L`.
  public var lower: RationalMatrix
  /// The diagonal of `D`; `diagonal[k] = minor(k+1) / minor(k)`.
  public var diagonal: [Rational]
  /// The leading principal minors `det A[0..<k, 0..<k]` for `k = 1 ... n`, which the
  /// elimination produces for free (they are the Bareiss pivots).
  public var leadingPrincipalMinors: [Rational]

  /// `L D L^T`, recomputed (for checking the factorization).
  public func reconstructed() throws -> RationalMatrix {
    let dl = try RationalMatrix.diagonal(diagonal).multiplied(by: lower.transposed())
    return try lower.multiplied(by: dl)
  }
}

/// Fraction-free symmetric elimination without pivoting of the integer matrix `b`
/// (row-major `n x n`, symmetric): the Bareiss pivots (leading principal minors of `b`) and
/// the entries `a^{(k)}_{ik}` from which `L` is read. Stops after the first pivot for which
/// `stop` returns true, so a positive-definiteness test can end at the first bad minor.
struct SymmetricBareiss {
  var pivots: [BigInt] = []
  /// `columns[k][i - k]` is the entry in row `i >= k`, column `k`, at the stage where
  /// column `k` is the pivot column.
  var columns: [[BigInt]] = []

  init(_ b: [BigInt], dimension n: Int, stop: (BigInt) -> Bool) {
    // Only the lower triangle is kept up to date: the Schur complements stay symmetric.
    var a = b
    var previous = BigInt(1)
    for k in 0..<n {
      let p = a[k * n + k]
      pivots.append(p)
      columns.append((k..<n).map { a[$0 * n + k] })
      if stop(p) || k == n - 1 { break }
      for i in (k + 1)..<n {
        let aik = a[i * n + k]
        for j in (k + 1)...i {
          let value = p * a[i * n + j] - aik * a[j * n + k]
          a[i * n + j] = exactQuotient(value, previous)
        }
      }
      previous = p
    }
  }
}

extension RationalMatrix {
  func requireSymmetric() throws {
    guard isSquare else { throw LinearAlgebraError.notSquare(rows: rowCount, columns: columnCount) }
    if let (i, j) = firstAsymmetry() { throw LinearAlgebraError.notSymmetric(row: i, column: j) }
  }

  /// The exact `L D L^T` factorization of a symmetric matrix, without pivoting.
  ///
  /// Throws `.notSymmetric` / `.notSquare` for unsuitable input and `.zeroPivot(k)` when a
  /// leading principal minor vanishes (then no such factorization exists). Indefinite
  /// matrices with non-zero leading minors do factor (with some `D` entries negative).
  public func ldlt() throws -> LDLTResult {
    try requireSymmetric()
    let n = rowCount
    let (d, b) = integerScaled()
    let elimination = SymmetricBareiss(b, dimension: n, stop: { $0.isZero })
    if let zero = elimination.pivots.firstIndex(where: { $0.isZero }) {
      throw LinearAlgebraError.zeroPivot(index: zero)
    }
    // Minors of A are minors of B = d A divided by d^k.
    var minors: [Rational] = []
    var dPower = BigInt(1)
    for k in 0..<n {
      dPower = dPower * d
      minors.append(Rational.quotient(elimination.pivots[k], dPower))
    }
    var diagonal: [Rational] = []
    var previous = BigInt(1)
    for k in 0..<n {
      // D_k = pivot_k / pivot_{k-1} / d (the Bareiss pivots are minors of d A).
      diagonal.append(Rational.quotient(elimination.pivots[k], previous * d))
      previous = elimination.pivots[k]
    }
    var l = RationalMatrix.identity(n)
    for k in 0..<n {
      let column = elimination.columns[k]
      for i in (k + 1)..<max(k + 1, n) {
        l[i, k] = Rational.quotient(column[i - k], elimination.pivots[k])
      }
    }
    return LDLTResult(lower: l, diagonal: diagonal, leadingPrincipalMinors: minors)
  }
}
