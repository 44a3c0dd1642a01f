import ExactArithmetic

/// The few `Rational` conveniences the theory files use, named so that the
/// call sites read as mathematics and so that any change of the underlying
/// API touches only this file.
extension Rational {
  /// -1, 0 or 1.
  var signValue: Int { signum }
  /// Whether the value is 0.
  var isZeroValue: Bool { isZero }
  /// √self when self is the square of a rational.
  var exactRoot: Rational? { exactSquareRoot }
  /// Certified `lo <= √self <= hi` with `hi − lo <= 2^-bits` (self >= 0).
  func squareRootEnclosure(bits: Int) -> (Rational, Rational) {
    let b = squareRootBounds(precisionBits: bits)
    return (b.lower, b.upper)
  }
  /// Rounded decimal text with `digits` fraction digits.
  func decimalString(digits: Int) -> String { decimal(digits: digits) }
  /// Nearest double, for display only.
  var approximateDouble: Double { doubleValue }
}
