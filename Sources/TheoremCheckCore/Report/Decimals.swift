import ExactArithmetic
import MSBPTheory

/// Correctly rounded decimal renderings of exact numbers.
///
/// A decimal is for reading only; every decision is made on the exact value.
/// Still, what is printed is never off: an algebraic number is enclosed ever
/// more tightly until both ends of the enclosure round (half-even) to the same
/// `digits` digits, which is then the correct rounding of the value itself
/// (rounding is monotone).
public enum Decimals {
  /// `x` rounded to `digits` digits after the point, half-even.
  public static func rounded(_ x: Rational, digits: Int) -> String {
    x.decimal(digits: max(0, digits))
  }

  /// `x` correctly rounded to `digits` digits after the point. An irrational
  /// value cannot lie on a rounding tie, so the refinement terminates for it;
  /// as a guard against pathological closeness it stops after 2^14 bits and
  /// then prints the enclosure's midpoint prefixed with `~`.
  public static func rounded(_ x: SurdSum, digits: Int) -> String {
    let digits = max(0, digits)
    if let value = x.rationalValue { return value.decimal(digits: digits) }
    var bits = Int(Double(digits) * 3.33) + 24
    while bits <= 1 << 14 {
      let (lower, upper) = x.bounds(precisionBits: bits)
      let low = lower.decimal(digits: digits)
      if low == upper.decimal(digits: digits) { return low }
      bits *= 2
    }
    let (lower, upper) = x.bounds(precisionBits: 1 << 14)
    return "~" + ((lower + upper) / Rational(2)).decimal(digits: digits)
  }

  /// The angle in degrees, correctly rounded from certified bounds of its
  /// cosine (display only).
  public static func degrees(_ angle: QuadraticAngle) -> String {
    let value = angle.approximateDegrees
    guard value.isFinite else { return "?" }
    return String(Int((value * 100).rounded())).paddedDegrees
  }
}

extension String {
  /// "8426" -> "84.26" (hundredths of a degree).
  fileprivate var paddedDegrees: String {
    var digits = self
    var sign = ""
    if digits.hasPrefix("-") {
      sign = "-"
      digits.removeFirst()
    }
    while digits.count < 3 { digits = "0" + digits }
    return sign + String(digits.dropLast(2)) + "." + String(digits.suffix(2))
  }
}
