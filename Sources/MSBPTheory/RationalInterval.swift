import ExactArithmetic

/// A closed interval `[lower, upper]` of rationals with outward-rounded
/// operations: every operation returns an interval that contains the exact
/// result. Used where the proof's quantities are nested radicals (the β_i of
/// Appendix F), so that decisions are certified rather than exact.
public struct RationalInterval: Sendable, Equatable, CustomStringConvertible {
  /// Lower end.
  public let lower: Rational
  /// Upper end.
  public let upper: Rational

  /// The interval [lower, upper] (lower <= upper).
  public init(_ lower: Rational, _ upper: Rational) {
    self.lower = lower
    self.upper = upper
  }

  /// The point interval [x, x].
  public init(_ x: Rational) { self.init(x, x) }

  /// Sum.
  public static func + (a: RationalInterval, b: RationalInterval) -> RationalInterval {
    RationalInterval(a.lower + b.lower, a.upper + b.upper)
  }

  /// Difference.
  public static func - (a: RationalInterval, b: RationalInterval) -> RationalInterval {
    RationalInterval(a.lower - b.upper, a.upper - b.lower)
  }

  /// Product (min and max of the four end products).
  public static func * (a: RationalInterval, b: RationalInterval) -> RationalInterval {
    let p = [a.lower * b.lower, a.lower * b.upper, a.upper * b.lower, a.upper * b.upper]
    return RationalInterval(p.min()!, p.max()!)
  }

  /// Square root of the non-negative part; `nil` when the interval lies
  /// entirely below 0 (the square root is undefined there).
  public func squareRoot(precisionBits bits: Int) -> RationalInterval? {
    if upper.signValue < 0 { return nil }
    let lo = lower.signValue <= 0 ? Rational(0) : lower.squareRootEnclosure(bits: bits).0
    return RationalInterval(lo, upper.squareRootEnclosure(bits: bits).1)
  }

  /// The smallest interval with endpoints m / 2^bits that contains this one. Iterated
  /// interval computations need it: the exact endpoints of a nested radical's enclosure
  /// double in size at every level of nesting, the rounded ones stay at `bits` bits.
  public func roundedOutward(bits: Int) -> RationalInterval {
    let scale = Rational(BigInt(1) << bits)
    return RationalInterval(Rational((lower * scale).floor()) / scale, Rational((upper * scale).ceil()) / scale)
  }

  /// Certainly below `b` (every point of self < every point of b).
  public func certainlyLess(than b: RationalInterval) -> Bool { upper < b.lower }

  /// Width.
  public var width: Rational { upper - lower }

  /// "[lower, upper]" in decimals.
  public var description: String { "[\(lower.decimal(digits: 12)), \(upper.decimal(digits: 12))]" }
}

/// A statement decided with certified bounds: true, false, or not decided at
/// the precision tried (never guessed).
public enum CertifiedTruth: String, Sendable {
  /// Proved true.
  case proved
  /// Proved false.
  case refuted
  /// The bounds did not separate at the highest precision tried.
  case undecided
}
