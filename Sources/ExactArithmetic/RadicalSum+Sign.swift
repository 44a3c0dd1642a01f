import CGMP

/// The outcome of an exact sign decision: a sign, or an explicit statement that the
/// implemented methods cannot decide it (never a guess).
public enum SignDecision: Sendable, Hashable {
  /// The sign, -1, 0 or 1, proven.
  case decided(Int)
  /// The form is outside what the exact methods handle; `reason` says why.
  case undecidable(reason: String)
}

extension RadicalSum {
  /// The largest number of simplified terms the exact algebraic fallback handles. Squaring a
  /// split A + B (A, B of at most two terms) leaves at most three terms, then two, then one,
  /// so the recursion terminates for up to four terms (the forms the paper needs: cosines of
  /// sums of up to three angles compared with a fourth).
  public static let exactFallbackTermLimit = 4

  /// The highest precision, in bits, at which the interval filter tries to separate a sum
  /// beyond `exactFallbackTermLimit` terms from zero before reporting it undecidable.
  public static let lastFilterPrecision = 1 << 15

  /// The sign of the value, proven. Throws `ExactArithmeticError.undecidable` only for sums
  /// of more than `exactFallbackTermLimit` terms that the interval filter could not settle
  /// up to 2^15 bits (such a sum is nonzero, see the type's comment, but is not decided
  /// here by a guess).
  public func sign() throws -> Int {
    switch signDecision {
    case .decided(let s): return s
    case .undecidable(let reason): throw ExactArithmeticError.undecidable(reason)
    }
  }

  /// The sign of the value as a `SignDecision`.
  ///
  /// 1. Trivial cases: no terms (zero), one term, all coefficients of one sign.
  /// 2. Filter: a floating-point evaluation with a rigorous error bound, then interval
  ///    evaluation with certified rational square-root bounds.
  /// 3. Exact fallback: split into A + B; if A and B have opposite signs, then
  ///    sign(A + B) = sign(A) * sign(A^2 - B^2), and A^2 - B^2 has fewer terms.
  public var signDecision: SignDecision {
    if let s = trivialSign { return .decided(s) }
    if let s = floatingPointFilterSign() { return .decided(s) }
    if let s = intervalSign(precisionBits: 128) { return .decided(s) }
    if terms.count <= RadicalSum.exactFallbackTermLimit { return .decided(exactSign()) }
    // 512, 2048, 8192, 32768 bits: the last is `RadicalSum.lastFilterPrecision`.
    var precision = 512
    while precision <= RadicalSum.lastFilterPrecision {
      if let s = intervalSign(precisionBits: precision) { return .decided(s) }
      precision *= 4
    }
    // The sum itself can run to megabytes of digits: the reason names it by its radicands.
    let radicands = terms.map { "sqrt(\($0.radicand))" }.joined(separator: ", ")
    return .undecidable(
      reason: "\(terms.count) independent surds (more than \(RadicalSum.exactFallbackTermLimit)) "
        + "not separated from zero at 2^15 bits; the sum is a combination of 1 and \(radicands)")
  }

  /// Compares two sums exactly: -1, 0 or 1 as `a <, ==, > b`.
  public static func compare(_ a: RadicalSum, _ b: RadicalSum) throws -> Int {
    try (a - b).sign()
  }

  /// The sign of a product of sums divided by a product of sums (each factor decided
  /// exactly). Throws `ExactArithmeticError.divisionByZero` when a divisor is zero.
  public static func sign(ofProduct factors: [RadicalSum], dividedBy divisors: [RadicalSum] = [])
    throws -> Int
  {
    var result = 1
    for d in divisors {
      let s = try d.sign()
      if s == 0 { throw ExactArithmeticError.divisionByZero }
      result *= s
    }
    for f in factors { result *= try f.sign() }
    return result
  }

  // MARK: Steps

  var trivialSign: Int? {
    if terms.isEmpty { return 0 }
    let first = terms[0].coefficient.signum
    if terms.allSatisfy({ $0.coefficient.signum == first }) { return first }
    return nil
  }

  /// Evaluates each term in `Double` and accepts the sign only when the computed sum exceeds
  /// a rigorous bound on the accumulated error. Per term: GMP's truncating conversions
  /// (relative error < 2^-52 each), the square root and the product (2^-53 each) give a
  /// relative error below 6 * 2^-53; the k-term summation adds below k * 2^-53 of the sum of
  /// magnitudes. The bound used, (k + 16) * 2^-52 * sum|t_i|, is twice that, covering the
  /// rounding of the bound itself. Terms outside the normal range are left to the next step.
  func floatingPointFilterSign() -> Int? {
    var sum = 0.0
    var magnitudes = 0.0
    for term in terms {
      let c = term.coefficient.withMPQ { __gmpq_get_d($0) }
      let q = term.radicand.withMPQ { __gmpq_get_d($0) }
      let range = 0x1p-500...0x1p500
      guard range.contains(c.magnitude), range.contains(q) else { return nil }
      let t = c * q.squareRoot()
      sum += t
      magnitudes += t.magnitude
    }
    let bound = Double(terms.count + 16) * 0x1p-52 * magnitudes
    if sum > bound { return 1 }
    if sum < -bound { return -1 }
    return nil
  }

  /// The sign when the certified interval at `precisionBits` excludes zero.
  func intervalSign(precisionBits: Int) -> Int? {
    let (lower, upper) = bounds(precisionBits: precisionBits)
    if lower.signum > 0 { return 1 }
    if upper.signum < 0 { return -1 }
    return nil
  }

  /// sign(A + B) = sign(A) * sign(A^2 - B^2) when A and B have opposite signs.
  func exactSign() -> Int {
    if let s = trivialSign { return s }
    let half = (terms.count + 1) / 2
    var a = RadicalSum()
    a.terms = Array(terms[..<half])
    var b = RadicalSum()
    b.terms = Array(terms[half...])
    // Sub-sums of a simplified sum are simplified and have fewer terms.
    let signA = a.exactSign()
    let signB = b.exactSign()
    if signA == 0 { return signB }
    if signB == 0 || signA == signB { return signA }
    return signA * (a * a - b * b).exactSign()
  }

  // MARK: Bounds and decimals

  /// Certified rational bounds `lower <= value <= upper` with `upper - lower <= 2^-p`.
  public func bounds(precisionBits p: Int) -> (lower: Rational, upper: Rational) {
    var lower = Rational.zero
    var upper = Rational.zero
    // Each term's width is |c| * 2^-p'; choose p' so the widths add up to at most 2^-p.
    var coefficientBits = 0
    for term in terms {
      coefficientBits = max(coefficientBits, term.coefficient.magnitude.ceil().bitWidth)
    }
    let countBits = max(terms.count, 1).bitWidthOfCount
    let termPrecision = p + coefficientBits + countBits
    for term in terms {
      if term.radicand == .one {
        lower += term.coefficient
        upper += term.coefficient
        continue
      }
      let (lo, hi) = term.radicand.squareRootBounds(precisionBits: termPrecision)
      if term.coefficient.signum > 0 {
        lower += term.coefficient * lo
        upper += term.coefficient * hi
      } else {
        lower += term.coefficient * hi
        upper += term.coefficient * lo
      }
    }
    return (lower, upper)
  }

  /// The value rounded to `digits` decimals, ties to even, **correctly rounded**: rational
  /// values use `Rational.decimal`; an irrational value is never a tie (ties are rational),
  /// so refining the certified bounds until both round alike terminates and is exact.
  /// Precondition: `digits >= 0`.
  public func decimal(digits: Int) -> String {
    precondition(digits >= 0, "decimal(digits:) needs digits >= 0, got \(digits)")
    if let r = rationalValue { return r.decimal(digits: digits) }
    let scale = Rational(BigInt(10).power(digits))
    var precision = digits * 4 + 64
    while true {
      let (lower, upper) = bounds(precisionBits: precision)
      let low = (lower * scale).roundedHalfEven()
      let high = (upper * scale).roundedHalfEven()
      if low == high { return Rational.formatScaledDecimal(low, digits: digits) }
      precision *= 2
    }
  }

  /// A `Double` close to the value (not a decision procedure; for display and plots).
  public var approximateDoubleValue: Double {
    let (lower, upper) = bounds(precisionBits: 64)
    return ((lower + upper) / 2).doubleValue
  }
}

extension Int {
  /// The number of bits needed to write `self` (>= 1), for error budgets.
  fileprivate var bitWidthOfCount: Int { Int.bitWidth - leadingZeroBitCount }
}
