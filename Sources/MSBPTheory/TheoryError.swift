/// Errors thrown by the exact checks of the paper's definitions and results.
///
/// Every case names the offending input, so a caller (or the `theorem-check`
/// command) can say precisely what was wrong instead of trapping.
public enum TheoryError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Two inputs that must have the same dimension do not.
  case dimensionMismatch(what: String, expected: Int, actual: Int)
  /// An angle is undefined because one of its vectors is the zero vector.
  case zeroVector(String)
  /// A number lies outside the range the statement allows.
  case outOfRange(what: String, value: String, allowed: String)
  /// A matrix is not symmetric positive definite (or semidefinite) as required.
  case notPositiveDefinite(String)
  /// A claimed eigenvalue bound (mu <= lambda_min or L >= lambda_max) is false.
  case invalidCertificate(String)
  /// A request the check does not support (the message says why).
  case unsupported(String)

  public var description: String {
    switch self {
    case let .dimensionMismatch(what, expected, actual):
      return "dimension mismatch in \(what): expected \(expected), got \(actual)"
    case let .zeroVector(what):
      return "\(what) is the zero vector, so its angle is undefined"
    case let .outOfRange(what, value, allowed):
      return "\(what) = \(value) is outside \(allowed)"
    case let .notPositiveDefinite(what):
      return "\(what) is not symmetric positive definite"
    case let .invalidCertificate(what):
      return "invalid certificate: \(what)"
    case let .unsupported(what):
      return "unsupported: \(what)"
    }
  }
}
