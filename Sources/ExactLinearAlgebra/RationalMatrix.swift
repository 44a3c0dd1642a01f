import ExactArithmetic

/// A dense matrix of exact rationals (row-major value type).
///
/// Construction checks the shape; every operation whose operands must fit
/// together throws `LinearAlgebraError` instead of trapping.
public struct RationalMatrix: Sendable, Hashable, CustomStringConvertible {
  /// The number of rows (at least 1).
  public let rowCount: Int
  /// The number of columns (at least 1).
  public let columnCount: Int
  /// Row-major entries: entry `(i, j)` is `storage[i * columnCount + j]`.
  var storage: [Rational]

  /// A matrix from its rows. Throws `.emptyMatrix` for no rows or empty rows and
  /// `.raggedRows` when the rows differ in length.
  public init(rows: [[Rational]]) throws {
    guard let first = rows.first, !first.isEmpty else { throw LinearAlgebraError.emptyMatrix }
    for (index, row) in rows.enumerated() where row.count != first.count {
      throw LinearAlgebraError.raggedRows(row: index, expected: first.count, found: row.count)
    }
    rowCount = rows.count
    columnCount = first.count
    storage = rows.flatMap { $0 }
  }

  /// A matrix from integer rows (a convenience for tests and examples).
  public init(integerRows rows: [[Int]]) throws {
    try self.init(rows: rows.map { $0.map { Rational($0) } })
  }

  /// A matrix from row-major entries; throws when `entries.count != rowCount * columnCount`
  /// or a dimension is not positive.
  public init(rowCount: Int, columnCount: Int, entries: [Rational]) throws {
    guard rowCount > 0 && columnCount > 0 else { throw LinearAlgebraError.emptyMatrix }
    guard entries.count == rowCount * columnCount else {
      throw LinearAlgebraError.dimensionMismatch(
        operation: "matrix construction", left: "\(rowCount) x \(columnCount)",
        right: "\(entries.count) entries")
    }
    self.rowCount = rowCount
    self.columnCount = columnCount
    storage = entries
  }

  /// Internal unchecked initializer: callers guarantee the shape.
  init(unchecked rowCount: Int, _ columnCount: Int, _ storage: [Rational]) {
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.storage = storage
  }

  /// The `n x n` identity.
  ///
  /// - Precondition: `n >= 1` (matrices here are never empty; a smaller `n` is a
  ///   programming error, not data, and silently returning some other size would hide it).
  public static func identity(_ n: Int) -> RationalMatrix {
    precondition(n >= 1, "RationalMatrix.identity needs n >= 1, got \(n)")
    var s = [Rational](repeating: .zero, count: n * n)
    for i in 0..<n { s[i * n + i] = .one }
    return RationalMatrix(unchecked: n, n, s)
  }

  /// The diagonal matrix with the given diagonal; throws `.emptyMatrix` for an empty diagonal.
  public static func diagonal(_ d: [Rational]) throws -> RationalMatrix {
    guard !d.isEmpty else { throw LinearAlgebraError.emptyMatrix }
    let n = d.count
    var s = [Rational](repeating: .zero, count: n * n)
    for i in 0..<n { s[i * n + i] = d[i] }
    return RationalMatrix(unchecked: n, n, s)
  }

  /// Entry `(i, j)`, zero-based, with the indices checked: throws `.indexOutOfRange`
  /// instead of trapping (the subscript, like `Array`'s, requires valid indices).
  public func entry(_ i: Int, _ j: Int) throws -> Rational {
    guard i >= 0 && i < rowCount else { throw LinearAlgebraError.indexOutOfRange(name: "row", index: i, bound: rowCount) }
    guard j >= 0 && j < columnCount else {
      throw LinearAlgebraError.indexOutOfRange(name: "column", index: j, bound: columnCount)
    }
    return storage[i * columnCount + j]
  }

  /// Entry `(i, j)`, zero-based; the indices must be valid (see `entry(_:_:)`).
  public subscript(i: Int, j: Int) -> Rational {
    // The column check matters: without it an out-of-range column would silently read
    // the next row's entry (the row check is the storage array's own).
    get {
      precondition(j >= 0 && j < columnCount, "column \(j) out of range 0..<\(columnCount)")
      return storage[i * columnCount + j]
    }
    set {
      precondition(j >= 0 && j < columnCount, "column \(j) out of range 0..<\(columnCount)")
      storage[i * columnCount + j] = newValue
    }
  }

  /// The rows as arrays.
  public var rows: [[Rational]] {
    (0..<rowCount).map { i in Array(storage[(i * columnCount)..<((i + 1) * columnCount)]) }
  }

  /// Row `i` as a vector.
  public func row(_ i: Int) -> RationalVector {
    RationalVector(Array(storage[(i * columnCount)..<((i + 1) * columnCount)]))
  }

  /// Column `j` as a vector.
  public func column(_ j: Int) -> RationalVector {
    RationalVector((0..<rowCount).map { self[$0, j] })
  }

  /// Whether the matrix is square.
  public var isSquare: Bool { rowCount == columnCount }

  /// Whether the matrix is square and equal to its transpose.
  public var isSymmetric: Bool { isSquare && firstAsymmetry() == nil }

  /// The first `(i, j)` with `i < j` and `A[i, j] != A[j, i]`, if any.
  func firstAsymmetry() -> (Int, Int)? {
    for i in 0..<rowCount {
      for j in (i + 1)..<max(i + 1, columnCount) where self[i, j] != self[j, i] { return (i, j) }
    }
    return nil
  }

  /// The transpose.
  public func transposed() -> RationalMatrix {
    var s = [Rational]()
    s.reserveCapacity(storage.count)
    for j in 0..<columnCount { for i in 0..<rowCount { s.append(self[i, j]) } }
    return RationalMatrix(unchecked: columnCount, rowCount, s)
  }

  var shapeDescription: String { "\(rowCount) x \(columnCount) matrix" }

  /// The product `A v`; throws when `v.count != columnCount`.
  public func multiplied(by v: RationalVector) throws -> RationalVector {
    guard v.count == columnCount else {
      throw LinearAlgebraError.dimensionMismatch(
        operation: "matrix-vector product", left: shapeDescription, right: "vector of \(v.count)")
    }
    return RationalVector((0..<rowCount).map { i in
      var sum = Rational.zero
      for j in 0..<columnCount { sum += storage[i * columnCount + j] * v.entries[j] }
      return sum
    })
  }

  /// The product `A M`; throws when `M.rowCount != columnCount`.
  public func multiplied(by m: RationalMatrix) throws -> RationalMatrix {
    guard m.rowCount == columnCount else {
      throw LinearAlgebraError.dimensionMismatch(
        operation: "matrix product", left: shapeDescription, right: m.shapeDescription)
    }
    var s = [Rational](repeating: .zero, count: rowCount * m.columnCount)
    for i in 0..<rowCount {
      for k in 0..<columnCount {
        let a = storage[i * columnCount + k]
        if a.isZero { continue }
        for j in 0..<m.columnCount { s[i * m.columnCount + j] += a * m.storage[k * m.columnCount + j] }
      }
    }
    return RationalMatrix(unchecked: rowCount, m.columnCount, s)
  }

  private func checkSameShape(_ other: RationalMatrix, _ operation: String) throws {
    guard rowCount == other.rowCount && columnCount == other.columnCount else {
      throw LinearAlgebraError.dimensionMismatch(
        operation: operation, left: shapeDescription, right: other.shapeDescription)
    }
  }

  /// The entrywise sum; throws on different shapes.
  public func adding(_ other: RationalMatrix) throws -> RationalMatrix {
    try checkSameShape(other, "matrix addition")
    return RationalMatrix(unchecked: rowCount, columnCount, zip(storage, other.storage).map { $0 + $1 })
  }

  /// The entrywise difference; throws on different shapes.
  public func subtracting(_ other: RationalMatrix) throws -> RationalMatrix {
    try checkSameShape(other, "matrix subtraction")
    return RationalMatrix(unchecked: rowCount, columnCount, zip(storage, other.storage).map { $0 - $1 })
  }

  /// `factor * A`.
  public func scaled(by factor: Rational) -> RationalMatrix {
    RationalMatrix(unchecked: rowCount, columnCount, storage.map { factor * $0 })
  }

  /// `A + s I` for a square matrix (a shift of the spectrum by `s`); throws when not square.
  public func shifted(by s: Rational) throws -> RationalMatrix {
    guard isSquare else { throw LinearAlgebraError.notSquare(rows: rowCount, columns: columnCount) }
    var m = self
    for i in 0..<rowCount { m.storage[i * columnCount + i] += s }
    return m
  }

  /// The quadratic form `v^T A v` of a square matrix; throws on mismatched dimensions.
  public func quadraticForm(_ v: RationalVector) throws -> Rational {
    try v.dot(multiplied(by: v))
  }

  public var description: String {
    rows.map { "[" + $0.map { "\($0)" }.joined(separator: ", ") + "]" }.joined(separator: "\n")
  }
}
