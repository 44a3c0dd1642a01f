import ExactArithmetic

/// The outcome of fraction-free (Bareiss) row echelon reduction of an integer matrix.
struct FractionFreeEchelon {
  /// The reduced matrix, row-major, `rows x columns`.
  var entries: [BigInt]
  let rows: Int
  let columns: Int
  /// Columns in which a pivot was found, in order; `count` is the rank of the first
  /// `eliminationColumns` columns.
  var pivotColumns: [Int] = []
  /// `+1` or `-1`: the parity of the row swaps.
  var swapSign = 1

  /// Reduces `entries` (`rows x columns`) to row echelon form, looking for pivots only in
  /// the first `eliminationColumns` columns (the rest are right-hand sides carried along).
  ///
  /// Bareiss' update `a_ij <- (p a_ij - a_ic a_rj) / p_prev` keeps every entry equal to a
  /// minor of the input, so the division is exact and sizes stay bounded by Hadamard's bound.
  init(entries: [BigInt], rows: Int, columns: Int, eliminationColumns: Int) {
    self.entries = entries
    self.rows = rows
    self.columns = columns
    var previousPivot = BigInt(1)
    var r = 0
    for c in 0..<eliminationColumns where r < rows {
      guard let p = (r..<rows).first(where: { !self.entries[$0 * columns + c].isZero }) else { continue }
      if p != r {
        for j in 0..<columns { self.entries.swapAt(p * columns + j, r * columns + j) }
        swapSign = -swapSign
      }
      let pivot = self.entries[r * columns + c]
      for i in (r + 1)..<max(r + 1, rows) {
        let factor = self.entries[i * columns + c]
        for j in (c + 1)..<columns {
          let updated = pivot * self.entries[i * columns + j] - factor * self.entries[r * columns + j]
          self.entries[i * columns + j] = exactQuotient(updated, previousPivot)
        }
        self.entries[i * columns + c] = BigInt(0)
      }
      pivotColumns.append(c)
      previousPivot = pivot
      r += 1
    }
  }

  var rank: Int { pivotColumns.count }
}

extension RationalMatrix {
  private func requireSquare() throws {
    guard isSquare else { throw LinearAlgebraError.notSquare(rows: rowCount, columns: columnCount) }
  }

  /// The exact determinant, by fraction-free elimination on the row-scaled integer matrix.
  /// Throws `.notSquare` for a non-square matrix.
  public func determinant() throws -> Rational {
    try requireSquare()
    let (factors, integers) = rowScaled()
    let echelon = FractionFreeEchelon(entries: integers, rows: rowCount, columns: columnCount,
                                      eliminationColumns: columnCount)
    guard echelon.rank == rowCount else { return .zero }
    // The last Bareiss pivot is the determinant of the row-permuted integer matrix.
    let last = echelon.entries[rowCount * columnCount - 1]
    let scale = factors.reduce(BigInt(1), *)
    return Rational.quotient(echelon.swapSign < 0 ? -last : last, scale)
  }

  /// The exact rank.
  public func rank() -> Int {
    let (_, integers) = rowScaled()
    return FractionFreeEchelon(entries: integers, rows: rowCount, columns: columnCount,
                               eliminationColumns: columnCount).rank
  }

  /// Solves `A X = B` for a square non-singular `A` and `k` right-hand sides given row-major
  /// as rationals (`rowCount x k`). Works over the integers: with `d` the last Bareiss pivot,
  /// `d X` is integral (Cramer's rule), so back substitution divides exactly.
  func solveColumns(_ rhs: [Rational], count k: Int) throws -> [Rational] {
    try requireSquare()
    let n = rowCount
    let m = n + k
    var augmented = [BigInt]()
    augmented.reserveCapacity(n * m)
    for i in 0..<n {
      let rowValues = Array(storage[(i * n)..<((i + 1) * n)]) + Array(rhs[(i * k)..<((i + 1) * k)])
      let d = commonDenominator(rowValues)
      for x in rowValues { augmented.append(x.scaledNumerator(by: d)) }
    }
    let echelon = FractionFreeEchelon(entries: augmented, rows: n, columns: m, eliminationColumns: n)
    guard echelon.rank == n else { throw LinearAlgebraError.singular }
    let u = echelon.entries
    let d = u[n * m - m + n - 1]
    var result = [Rational](repeating: .zero, count: n * k)
    for column in 0..<k {
      var y = [BigInt](repeating: BigInt(0), count: n)
      for i in stride(from: n - 1, through: 0, by: -1) {
        var s = d * u[i * m + n + column]
        for j in (i + 1)..<n where !u[i * m + j].isZero { s = s - u[i * m + j] * y[j] }
        y[i] = exactQuotient(s, u[i * m + i])
      }
      for i in 0..<n { result[i * k + column] = Rational.quotient(y[i], d) }
    }
    return result
  }

  /// The unique `x` with `A x = b`. Throws `.notSquare`, `.dimensionMismatch`, or `.singular`.
  public func solve(_ b: RationalVector) throws -> RationalVector {
    guard b.count == rowCount else {
      throw LinearAlgebraError.dimensionMismatch(
        operation: "solve", left: shapeDescription, right: "vector of \(b.count)")
    }
    return RationalVector(try solveColumns(b.entries, count: 1))
  }

  /// The exact inverse. Throws `.notSquare` or `.singular`.
  public func inverse() throws -> RationalMatrix {
    try requireSquare()
    return RationalMatrix(unchecked: rowCount, rowCount, try solveColumns(Self.identity(rowCount).storage, count: rowCount))
  }
}
