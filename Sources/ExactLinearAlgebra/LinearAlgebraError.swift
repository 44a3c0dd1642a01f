/// Errors thrown by the exact linear algebra module. Each case names the
/// offending input so that a message reaching a user says *what* was wrong.
public enum LinearAlgebraError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A matrix with no rows, or rows with no entries.
  case emptyMatrix
  /// Row `row` has `found` entries where `expected` (the length of row 0) were required.
  case raggedRows(row: Int, expected: Int, found: Int)
  /// Two operands whose shapes do not fit together for `operation`.
  case dimensionMismatch(operation: String, left: String, right: String)
  /// A square matrix was required; the input is `rows x columns`.
  case notSquare(rows: Int, columns: Int)
  /// A symmetric matrix was required; entries `(row, column)` and `(column, row)` differ.
  case notSymmetric(row: Int, column: Int)
  /// The matrix is singular (its determinant is exactly zero), so it has no inverse and the
  /// system has no unique solution.
  case singular
  /// LDL^T without pivoting met an exactly zero pivot at `index` (a leading principal minor
  /// of order `index + 1` vanishes).
  case zeroPivot(index: Int)
  /// `W W^T` is singular (the rows of `W` are linearly dependent: rank `rank` < `rows`), so
  /// its condition number is infinite.
  case rankDeficient(rank: Int, rows: Int)
  /// An argument outside its domain; `reason` says which rule failed.
  case invalidArgument(name: String, reason: String)
  /// An index outside `0..<bound`.
  case indexOutOfRange(name: String, index: Int, bound: Int)

  public var description: String {
    switch self {
    case .emptyMatrix: return "empty matrix: at least one row and one column are required"
    case .raggedRows(let row, let expected, let found):
      return "ragged rows: row \(row) has \(found) entries, row 0 has \(expected)"
    case .dimensionMismatch(let operation, let left, let right):
      return "dimension mismatch in \(operation): \(left) versus \(right)"
    case .notSquare(let rows, let columns): return "a square matrix is required, got \(rows) x \(columns)"
    case .notSymmetric(let row, let column):
      return "a symmetric matrix is required, but entry (\(row), \(column)) differs from (\(column), \(row))"
    case .singular: return "the matrix is singular (determinant 0)"
    case .zeroPivot(let index):
      return "zero pivot at index \(index): the leading principal minor of order \(index + 1) is 0"
    case .rankDeficient(let rank, let rows):
      return "W W^T is singular: W has rank \(rank) < \(rows) rows, so its condition number is infinite"
    case .invalidArgument(let name, let reason): return "invalid argument \(name): \(reason)"
    case .indexOutOfRange(let name, let index, let bound): return "\(name) \(index) is outside 0..<\(bound)"
    }
  }
}
