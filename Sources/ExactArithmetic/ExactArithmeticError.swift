/// The errors thrown by the exact-arithmetic module. Every case names the offending input,
/// so that a message reaching a user says *what* was wrong, not just that something was.
public enum ExactArithmeticError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A division (or a rational with denominator) by zero.
  case divisionByZero
  /// Text that is not a number of the accepted grammar; `reason` says which rule failed.
  case invalidNumber(text: String, reason: String)
  /// A NaN or infinite `Double` where a finite one is required (its `description` is kept).
  case notFinite(String)
  /// A value outside the domain of a function, e.g. `arccos(2)` or `sqrt(-1)`.
  case outOfDomain(function: String, value: String)
  /// An angle was asked between vectors one of which is the zero vector.
  case zeroVector
  /// Two vectors of different dimensions.
  case dimensionMismatch(Int, Int)
  /// The sign of an algebraic expression could not be decided by the implemented exact
  /// methods. Never answered by a guess: the caller learns that the form is unsupported.
  case undecidable(String)

  public var description: String {
    switch self {
    case .divisionByZero: return "division by zero"
    case .invalidNumber(let text, let reason): return "invalid number \"\(text)\": \(reason)"
    case .notFinite(let value): return "not a finite number: \(value)"
    case .outOfDomain(let function, let value): return "\(value) is outside the domain of \(function)"
    case .zeroVector: return "the angle with a zero vector is undefined"
    case .dimensionMismatch(let a, let b): return "dimension mismatch: \(a) versus \(b)"
    case .undecidable(let what): return "sign not decidable by the implemented exact methods: \(what)"
    }
  }
}
