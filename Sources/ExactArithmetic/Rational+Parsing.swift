import CGMP

extension Rational {
  /// The largest decimal exponent accepted by `init(parsing:)`: 10^100000 has about 332,000
  /// bits, already far beyond any number this project writes down; larger exponents are
  /// rejected rather than allowed to exhaust memory.
  public static let maximumDecimalExponent = 100_000

  /// Parses an exact rational. Accepted forms (surrounding whitespace ignored):
  /// - a fraction `[+-]digits/digits` such as `"3/4"` or `"-12/8"` (denominator nonzero),
  /// - a decimal `[+-]digits[.digits][(e|E)[+-]digits]` such as `"-12"`, `"0.125"`, `".5"`,
  ///   `"1.5e-3"` (at least one digit before the exponent).
  /// Anything else (`"1/0"`, `"abc"`, `""`, `"1e999999999"`) throws
  /// `ExactArithmeticError.invalidNumber` naming the text and the rule it broke.
  public init(parsing text: String) throws {
    func fail(_ reason: String) -> ExactArithmeticError {
      .invalidNumber(text: text, reason: reason)
    }
    func isDigits(_ s: Substring) -> Bool {
      !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
    var body = text.trimmingWhitespace()
    guard !body.isEmpty else { throw fail("empty text") }
    var negative = false
    if let first = body.first, first == "+" || first == "-" {
      negative = first == "-"
      body = body.dropFirst()
    }

    if let slash = body.firstIndex(of: "/") {
      let top = body[..<slash]
      let bottom = body[body.index(after: slash)...]
      guard isDigits(top), isDigits(bottom) else {
        throw fail("a fraction is [+-]digits/digits")
      }
      let denominator = BigInt(decimalDigits: bottom, negative: false)
      guard !denominator.isZero else { throw fail("zero denominator") }
      let numerator = BigInt(decimalDigits: top, negative: negative)
      self = try Rational(numerator: numerator, denominator: denominator)
      return
    }

    // Decimal form: mantissa, then an optional exponent.
    var mantissa = body
    var exponent = 0
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = body[..<e]
      var exponentText = body[body.index(after: e)...]
      var exponentNegative = false
      if let first = exponentText.first, first == "+" || first == "-" {
        exponentNegative = first == "-"
        exponentText = exponentText.dropFirst()
      }
      guard isDigits(exponentText) else { throw fail("the exponent needs digits") }
      // Leading zeros do not count against the length limit ("1e0000000001" is 10).
      let significant = exponentText.drop { $0 == "0" }
      guard significant.count <= 9, let value = Int(significant.isEmpty ? "0" : significant),
        value <= Rational.maximumDecimalExponent
      else {
        throw fail("exponent beyond ±\(Rational.maximumDecimalExponent)")
      }
      exponent = exponentNegative ? -value : value
    }
    var integerPart = mantissa
    var fractionPart: Substring = ""
    if let dot = mantissa.firstIndex(of: ".") {
      integerPart = mantissa[..<dot]
      fractionPart = mantissa[mantissa.index(after: dot)...]
    }
    guard !(integerPart.isEmpty && fractionPart.isEmpty) else { throw fail("no digits") }
    guard integerPart.isEmpty || isDigits(integerPart),
      fractionPart.isEmpty || isDigits(fractionPart)
    else {
      throw fail("expected a fraction p/q or a decimal such as -1.25e-3")
    }
    let digits = BigInt(decimalDigits: integerPart + fractionPart, negative: negative)
    let scale = exponent - fractionPart.count
    let ten = Rational(10)
    self = Rational(digits) * ten.power(scale)
  }
}
