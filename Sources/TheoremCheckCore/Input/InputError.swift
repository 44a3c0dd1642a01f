/// Where in the input a problem was found: the file, the JSON field and the
/// source position, each when known.
public struct InputLocation: Sendable, Hashable, CustomStringConvertible {
  /// The file the input came from, if any.
  public var file: String?
  /// The field, in a path notation such as `A[1][0]` or `estimator.k`.
  public var field: String?
  /// The position of the offending value in the file.
  public var position: SourcePosition?

  /// Creates a location.
  public init(file: String? = nil, field: String? = nil, position: SourcePosition? = nil) {
    self.file = file
    self.field = field
    self.position = position
  }

  /// `file:line:column` (the compiler-diagnostic form editors understand),
  /// followed by the field when known.
  public var description: String {
    var parts: [String] = []
    var head = file ?? ""
    if let position { head += (head.isEmpty ? "" : ":") + "\(position.line):\(position.column)" }
    if !head.isEmpty { parts.append(head) }
    if let field { parts.append("in \(field)") }
    return parts.joined(separator: " ")
  }
}

/// The classes of bad input, one per kind of mistake a user can make.
///
/// Every class maps to exit code 2. The raw value is a stable identifier used
/// in `--json` error output and by the tests.
public enum InputErrorClass: String, Sendable, CaseIterable {
  /// The file does not exist.
  case fileMissing
  /// The file exists but could not be read (permissions, a directory, ...).
  case fileUnreadable
  /// The file is larger than any reasonable problem.
  case fileTooLarge
  /// Not JSON: the syntax error comes with its line and column.
  case malformedJSON
  /// A number (string or literal) that is not an exact rational.
  case notExactRational
  /// A JSON floating-point literal: not exact, so it must be quoted.
  case floatLiteral
  /// A missing or unknown key, or a value of the wrong JSON type.
  case schema
  /// `A` is not square (or empty).
  case notSquare
  /// `A` is square but not symmetric.
  case notSymmetric
  /// `A` is symmetric but not positive definite (a certificate is attached).
  case notPositiveDefinite
  /// Vectors or matrices whose sizes do not fit together.
  case dimensionMismatch
  /// The `k` of a sparsifier outside `1...n`.
  case kOutOfRange
  /// A theta that is not below pi/2 (or not an angle at all).
  case thetaNotBelowHalfPi
  /// `start` equals the minimizer: there is nothing to check.
  case alreadyOptimal
  /// `steps` that is not a positive integer.
  case stepsNotPositiveInteger
  /// A size bound exceeded (dimension, steps, number length): see the message.
  case limitExceeded
  /// A bad command-line argument.
  case usage
}

/// Bad input to `theorem-check`: the class, a message that names the input,
/// and where it was found.
///
/// Thrown by every entry point of the library instead of trapping; the
/// executable prints `description` and exits with code 2.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Which kind of mistake this is.
  public var errorClass: InputErrorClass
  /// What is wrong, in words, naming the input (values are quoted as given).
  public var message: String
  /// Where it was found.
  public var location: InputLocation

  /// Creates an error.
  public init(_ errorClass: InputErrorClass, _ message: String, at location: InputLocation = InputLocation()) {
    self.errorClass = errorClass
    self.message = message
    self.location = location
  }

  /// `file:line:column in field: message`.
  public var description: String {
    let where_ = location.description
    return where_.isEmpty ? message : "\(where_): \(message)"
  }

  /// The same error, attributed to a file (added when a decoder's error
  /// leaves the file loader).
  public func inFile(_ file: String) -> InputError {
    var copy = self
    if copy.location.file == nil { copy.location.file = file }
    return copy
  }
}
