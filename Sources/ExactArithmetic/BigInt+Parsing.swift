import CGMP

extension BigInt {
  /// Parses a decimal integer: an optional `+` or `-` followed by at least one digit
  /// (surrounding whitespace is ignored). Anything else throws
  /// `ExactArithmeticError.invalidNumber` naming the text.
  public init(parsing text: String) throws {
    let trimmed = text.trimmingWhitespace()
    var digits = Substring(trimmed)
    var negative = false
    if let first = digits.first, first == "+" || first == "-" {
      negative = first == "-"
      digits = digits.dropFirst()
    }
    guard !digits.isEmpty else {
      throw ExactArithmeticError.invalidNumber(text: text, reason: "no digits")
    }
    guard digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      throw ExactArithmeticError.invalidNumber(
        text: text, reason: "an integer is an optional sign followed by decimal digits")
    }
    self = BigInt(decimalDigits: digits, negative: negative)
  }

  /// Builds an integer from validated ASCII decimal digits.
  init(decimalDigits digits: Substring, negative: Bool) {
    let result = MPZStorage.make()
    let status = String(digits).withCString { __gmpz_set_str(result.pointer, $0, 10) }
    precondition(status == 0, "validated digits rejected by GMP")
    if negative { __gmpz_neg(result.pointer, result.pointer) }
    self.init(storage: result)
  }
}

extension String {
  /// The text without leading and trailing ASCII/Unicode whitespace.
  func trimmingWhitespace() -> Substring {
    var slice = Substring(self)
    while let c = slice.first, c.isWhitespace { slice = slice.dropFirst() }
    while let c = slice.last, c.isWhitespace { slice = slice.dropLast() }
    return slice
  }
}
