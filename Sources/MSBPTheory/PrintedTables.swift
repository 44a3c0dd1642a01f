import ExactArithmetic

/// A number as printed in the paper: its value and the half-unit of its last printed
/// digit (a printed "97.86" stands for some true value in [97.855, 97.865]).
public struct PrintedNumber: Sendable, CustomStringConvertible {
  /// The printed text.
  public let text: String
  /// The printed value.
  public let value: Rational
  /// Half a unit of the last printed digit.
  public let halfUnit: Rational

  /// Parses decimal text such as "67.2", "-0.02" or "6447".
  /// - Throws: `outOfRange` for text that is not a plain decimal.
  public init(_ text: String) throws {
    guard let value = try? Rational(parsing: text), !text.contains("/"), !text.lowercased().contains("e") else {
      throw TheoryError.outOfRange(what: "printed number", value: text, allowed: "plain decimals")
    }
    let digits = text.split(separator: ".").dropFirst().first?.count ?? 0
    var unit = Rational(1)
    for _ in 0..<digits { unit = unit / Rational(10) }
    self.text = text
    self.value = value
    self.halfUnit = unit * Rational(1, 2)
  }

  /// The interval of true values that print as `text`.
  public var interval: RationalInterval { RationalInterval(value - halfUnit, value + halfUnit) }

  /// The printed text.
  public var description: String { text }
}

/// Whether a printed derived quantity can come from printed inputs by rounding alone:
/// the interval of true inputs, pushed through `combine`, must meet the interval of the
/// printed result. Exact (interval arithmetic on rationals).
public enum PrintedArithmetic {
  /// A printed difference `a − b` (e.g. an accuracy delta "(+0.37)").
  public static func differenceIsConsistent(_ a: PrintedNumber, minus b: PrintedNumber, printed d: PrintedNumber) -> Bool {
    meets(a.interval - b.interval, d.interval)
  }

  /// A printed ratio `a / b` (e.g. a speed-up "(10.18×)"), b > 0.
  public static func ratioIsConsistent(_ a: PrintedNumber, over b: PrintedNumber, printed r: PrintedNumber) -> Bool {
    guard let q = a.interval / b.interval else { return false }
    return meets(q, r.interval)
  }

  static func meets(_ x: RationalInterval, _ y: RationalInterval) -> Bool {
    x.lower <= y.upper && y.lower <= x.upper
  }
}
