/// A dense, row-major matrix of `Float`: the storage of every batch, weight and gradient.
///
/// Batches are stored one example per row (`[B, n]`), weights one output unit per row
/// (`[m, n]`, the paper's `W` in `h = W x`), so that the rows a sparse backward touches are
/// contiguous.
public struct Matrix: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// The entries, row after row: entry `(i, j)` is `storage[i * columns + j]`.
  public var storage: [Float]

  /// A `rows x columns` matrix filled with `value`.
  public init(rows: Int, columns: Int, repeating value: Float = 0) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    self.rows = rows
    self.columns = columns
    self.storage = [Float](repeating: value, count: rows * columns)
  }

  /// A matrix over existing row-major `storage`; throws when the count does not match.
  public init(rows: Int, columns: Int, storage: [Float]) throws(ShapeError) {
    guard rows >= 0, columns >= 0, storage.count == rows * columns else {
      throw ShapeError(
        "Matrix(rows: \(rows), columns: \(columns)) needs \(rows * columns) entries, got \(storage.count)")
    }
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// A matrix from an array of equally long rows; throws when the rows are ragged.
  public init(_ rowArrays: [[Float]]) throws(ShapeError) {
    let columns = rowArrays.first?.count ?? 0
    guard rowArrays.allSatisfy({ $0.count == columns }) else {
      throw ShapeError("Matrix rows have different lengths")
    }
    self.rows = rowArrays.count
    self.columns = columns
    self.storage = rowArrays.flatMap { $0 }
  }

  /// Entry `(row, column)`.
  @inlinable
  public subscript(row: Int, column: Int) -> Float {
    get { storage[row * columns + column] }
    set { storage[row * columns + column] = newValue }
  }

  /// Row `i` as an array (a copy).
  public func row(_ i: Int) -> [Float] {
    Array(storage[(i * columns)..<((i + 1) * columns)])
  }

  /// The first `count` rows (a copy): used for the last, smaller minibatch.
  public func firstRows(_ count: Int) -> Matrix {
    precondition(count <= rows)
    var result = Matrix(rows: count, columns: columns)
    result.storage.replaceSubrange(0..<(count * columns), with: storage[0..<(count * columns)])
    return result
  }

  /// The rows at `indices`, in that order (a copy).
  public func gatherRows(_ indices: some Collection<Int>) -> Matrix {
    var result = Matrix(rows: indices.count, columns: columns)
    for (r, i) in indices.enumerated() {
      result.storage.replaceSubrange(
        (r * columns)..<((r + 1) * columns), with: storage[(i * columns)..<((i + 1) * columns)])
    }
    return result
  }
}

/// A shape mismatch in an argument (wrong row/column count, ragged rows).
public struct ShapeError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What did not match.
  public let description: String
  /// An error describing what did not match.
  public init(_ description: String) { self.description = description }
}
