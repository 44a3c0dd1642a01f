extension Rational {
  /// The value rounded to `digits` digits after the decimal point, ties to even, e.g.
  /// `Rational(1, 3).decimal(digits: 4) == "0.3333"`, `Rational(-5, 8).decimal(digits: 2)
  /// == "-0.62"`. A result that rounds to zero is printed without a sign.
  /// Precondition: `digits >= 0`.
  public func decimal(digits: Int) -> String {
    precondition(digits >= 0, "decimal(digits:) needs digits >= 0, got \(digits)")
    let scaled = (self * Rational(BigInt(10).power(digits))).roundedHalfEven()
    return Rational.formatScaledDecimal(scaled, digits: digits)
  }

  /// Renders the integer `scaled` / 10^digits as a decimal with exactly `digits` fraction
  /// digits (shared with the algebraic numbers' decimal rendering).
  static func formatScaledDecimal(_ scaled: BigInt, digits: Int) -> String {
    var text = scaled.magnitude.description
    if text.count <= digits {
      text = String(repeating: "0", count: digits + 1 - text.count) + text
    }
    if digits > 0 {
      text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
    }
    return (scaled.signum < 0 ? "-" : "") + text
  }
}
