extension Rational {
  /// Certified bounds on sqrt(self): rationals `lower <= sqrt(self) <= upper` with
  /// `upper - lower <= 2^-precisionBits`, equal (and exact) when `self` is a perfect square
  /// at the chosen scale. Precondition: `self >= 0`.
  ///
  /// With self = n/d in lowest terms, sqrt(n/d) = sqrt(n d 4^k) / (d 2^k). GMP's integer
  /// square root gives s = floor(sqrt(n d 4^k)), so s/(d 2^k) <= sqrt(self) < (s+1)/(d 2^k),
  /// and k is the least k >= 0 with d 2^k >= 2^p, which makes the width 1/(d 2^k) <= 2^-p.
  public func squareRootBounds(precisionBits p: Int) -> (lower: Rational, upper: Rational) {
    precondition(signum >= 0, "squareRootBounds of the negative number \(self)")
    if isZero { return (.zero, .zero) }
    let n = numerator
    let d = denominator
    let k = max(0, p - d.bitWidth + 1)
    let radicand = (n * d) << (2 * k)
    let s = radicand.squareRootFloor()
    let scale = d << k
    let lower = try! Rational(numerator: s, denominator: scale)
    if s * s == radicand { return (lower, lower) }
    return (lower, try! Rational(numerator: s + 1, denominator: scale))
  }

  /// The exact square root when `self` is the square of a rational, else `nil` (also `nil`
  /// for negative values). In lowest terms n/d is a square iff n and d both are.
  public var exactSquareRoot: Rational? {
    guard signum >= 0 else { return nil }
    let n = numerator
    let d = denominator
    guard n.isPerfectSquare, d.isPerfectSquare else { return nil }
    return try! Rational(numerator: n.squareRootFloor(), denominator: d.squareRootFloor())
  }
}
