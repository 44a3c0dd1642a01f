import ExactArithmetic

/// A univariate polynomial with exact rational coefficients.
public struct RationalPolynomial: Sendable, Hashable, CustomStringConvertible {
  /// Coefficients from the constant term upward, without trailing zeros (the zero
  /// polynomial has no coefficients).
  public private(set) var coefficients: [Rational]

  /// The polynomial `sum coefficients[k] x^k`; trailing zeros are dropped.
  public init(coefficients: [Rational]) {
    var c = coefficients
    while let last = c.last, last.isZero { c.removeLast() }
    self.coefficients = c
  }

  /// The degree; `-1` for the zero polynomial.
  public var degree: Int { coefficients.count - 1 }

  /// Whether this is the zero polynomial.
  public var isZero: Bool { coefficients.isEmpty }

  /// The leading coefficient (zero for the zero polynomial).
  public var leadingCoefficient: Rational { coefficients.last ?? .zero }

  /// The exact value at `x` (Horner's rule).
  public func evaluated(at x: Rational) -> Rational {
    var result = Rational.zero
    for c in coefficients.reversed() { result = result * x + c }
    return result
  }

  /// The sign of the value at `x`, computed on integers (`b^deg p(a/b)` with `x = a/b`)
  /// so that no intermediate fraction is normalized.
  public func sign(at x: Rational) -> Int {
    integerPrimitive().sign(atNumerator: x.numerator, denominator: x.denominator)
  }

  /// The derivative.
  public var derivative: RationalPolynomial {
    guard degree >= 1 else { return RationalPolynomial(coefficients: []) }
    return RationalPolynomial(coefficients: (1...degree).map { Rational($0) * coefficients[$0] })
  }

  /// A positive integer multiple of this polynomial with coprime integer coefficients
  /// (the sign of every value is preserved).
  func integerPrimitive() -> IntegerPolynomial {
    let d = commonDenominator(coefficients)
    return IntegerPolynomial(coefficients.map { $0.scaledNumerator(by: d) }).primitivePart()
  }

  public var description: String {
    if isZero { return "0" }
    return coefficients.enumerated().reversed().compactMap { k, c -> String? in
      if c.isZero { return nil }
      switch k {
      case 0: return "\(c)"
      case 1: return "(\(c))*x"
      default: return "(\(c))*x^\(k)"
      }
    }.joined(separator: " + ")
  }
}

/// A polynomial with integer coefficients (constant term first), the working
/// representation for Sturm sequences: pseudo-remainders stay integral, and dividing
/// out the content after every step keeps the coefficients small.
struct IntegerPolynomial: Hashable {
  var coefficients: [BigInt]

  init(_ coefficients: [BigInt]) {
    var c = coefficients
    while let last = c.last, last.isZero { c.removeLast() }
    self.coefficients = c
  }

  var degree: Int { coefficients.count - 1 }
  var isZero: Bool { coefficients.isEmpty }
  var leadingCoefficient: BigInt { coefficients.last ?? BigInt(0) }

  /// This polynomial divided by the (positive) gcd of its coefficients.
  func primitivePart() -> IntegerPolynomial {
    var g = BigInt(0)
    for c in coefficients where !c.isZero {
      g = g.isZero ? c.magnitude : gcd(g, c)
      if g == BigInt(1) { return self }
    }
    if g.isZero || g == BigInt(1) { return self }
    return IntegerPolynomial(coefficients.map { exactQuotient($0, g) })
  }

  /// The derivative.
  var derivative: IntegerPolynomial {
    guard degree >= 1 else { return IntegerPolynomial([]) }
    return IntegerPolynomial((1...degree).map { BigInt($0) * coefficients[$0] })
  }

  /// A *positive* rational multiple of the remainder of `self` divided by `divisor`,
  /// computed without fractions (pseudo-division: each step multiplies by `lc(divisor)`,
  /// and the result is negated when that accumulated power is negative, so signs of
  /// values are those of the true remainder, as Sturm sequences require).
  func positiveRemainder(_ divisor: IntegerPolynomial) -> IntegerPolynomial {
    var r = coefficients
    let dd = divisor.degree
    let lc = divisor.leadingCoefficient
    var negativeFactor = false
    var degreeR = r.count - 1
    while degreeR >= dd && degreeR >= 0 {
      let lr = r[degreeR]
      if lr.isZero { degreeR -= 1; continue }
      let shift = degreeR - dd
      for k in 0..<degreeR { r[k] = r[k] * lc }
      for k in 0..<dd { r[k + shift] = r[k + shift] - lr * divisor.coefficients[k] }
      r[degreeR] = BigInt(0)
      if lc.signum < 0 { negativeFactor.toggle() }
      degreeR -= 1
    }
    let remainder = IntegerPolynomial(Array(r.prefix(max(dd, 0))))
    return negativeFactor ? IntegerPolynomial(remainder.coefficients.map { -$0 }) : remainder
  }

  /// The sign of `b^deg * p(a / b)` for `b > 0`, which is the sign of `p(a / b)`.
  func sign(atNumerator a: BigInt, denominator b: BigInt) -> Int {
    guard !isZero else { return 0 }
    var s = coefficients[degree]
    var bPower = BigInt(1)
    for k in stride(from: degree - 1, through: 0, by: -1) {
      bPower = bPower * b
      s = s * a + coefficients[k] * bPower
    }
    return s.signum
  }
}
