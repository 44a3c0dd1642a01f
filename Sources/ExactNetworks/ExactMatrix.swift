import ExactArithmetic
import SparseNetworks

/// A dense, row-major matrix of exact rationals: the twin of ``SparseNetworks/Matrix``.
///
/// The same layout as the float matrix (one example per row of a batch, one output unit per
/// row of a weight matrix), so that entry `(i, j)` means the same thing in both and a float
/// matrix converts entry by entry.
public struct ExactMatrix: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// The entries, row after row: entry `(i, j)` is `storage[i * columns + j]`.
  public var storage: [Rational]

  /// A `rows x columns` matrix of zeros (or of `value`).
  public init(rows: Int, columns: Int, repeating value: Rational = .zero) {
    precondition(rows >= 0 && columns >= 0, "ExactMatrix dimensions must be non-negative")
    self.rows = rows
    self.columns = columns
    self.storage = [Rational](repeating: value, count: rows * columns)
  }

  /// A matrix over existing row-major `storage`; throws when the count does not match.
  public init(rows: Int, columns: Int, storage: [Rational]) throws(ShapeError) {
    guard rows >= 0, columns >= 0, storage.count == rows * columns else {
      throw ShapeError(
        "ExactMatrix(rows: \(rows), columns: \(columns)) needs \(rows * columns) entries, got \(storage.count)")
    }
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// A matrix from equally long rows; throws when the rows are ragged.
  public init(_ rowArrays: [[Rational]]) throws(ShapeError) {
    let columns = rowArrays.first?.count ?? 0
    guard rowArrays.allSatisfy({ $0.count == columns }) else {
      throw ShapeError("ExactMatrix rows have different lengths")
    }
    self.rows = rowArrays.count
    self.columns = columns
    self.storage = rowArrays.flatMap { $0 }
  }

  /// The exact value of a float matrix (every finite float is a dyadic rational, so nothing
  /// is rounded). Throws, naming `name` and the entry, when an entry is NaN or infinite.
  public init(exactly matrix: Matrix, name: String = "matrix") throws(ConfigurationError) {
    self.rows = matrix.rows
    self.columns = matrix.columns
    self.storage = try exactRationals(matrix.storage, name: name, columns: matrix.columns)
  }

  /// Entry `(row, column)`.
  public subscript(row: Int, column: Int) -> Rational {
    get { storage[row * columns + column] }
    set { storage[row * columns + column] = newValue }
  }

  /// Row `i` as an array (a copy).
  public func row(_ i: Int) -> [Rational] {
    Array(storage[(i * columns)..<((i + 1) * columns)])
  }

  /// The first `count` rows (a copy).
  public func firstRows(_ count: Int) -> ExactMatrix {
    precondition(count <= rows)
    return try! ExactMatrix(rows: count, columns: columns, storage: Array(storage[0..<(count * columns)]))
  }

  /// The nearest float matrix (each entry rounded to the nearest `Double`, then `Float`).
  public var floatMatrix: Matrix {
    try! Matrix(rows: rows, columns: columns, storage: storage.map { Float($0.doubleValue) })
  }
}

/// The exact values of `values`; throws naming `name` (and the entry) on NaN or infinity.
func exactRationals(_ values: [Float], name: String, columns: Int? = nil) throws(ConfigurationError) -> [Rational] {
  var result = [Rational]()
  result.reserveCapacity(values.count)
  for (i, v) in values.enumerated() {
    guard v.isFinite else {
      let position = columns.map { c in c > 0 ? "(\(i / c), \(i % c))" : "\(i)" } ?? "\(i)"
      throw ConfigurationError("\(name): entry \(position) is \(v), which has no exact rational value")
    }
    result.append(try! Rational(exactly: Double(v)))  // finite: cannot throw
  }
  return result
}
