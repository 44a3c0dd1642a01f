import CGMP

extension Rational {
  /// The exact value of a finite `Double` (every finite double is a dyadic rational).
  /// NaN and infinities throw `ExactArithmeticError.notFinite`.
  public init(exactly value: Double) throws {
    guard value.isFinite else { throw ExactArithmeticError.notFinite("\(value)") }
    storage = MPQStorage.make()
    __gmpq_set_d(storage.pointer, value)  // exact, and canonical, per the GMP manual
  }

  /// The nearest `Double`, ties to even (IEEE 754 round-to-nearest), subnormals included;
  /// values beyond the largest finite double round to ±infinity, tiny ones to ±0.
  ///
  /// GMP's `mpq_get_d` truncates, so the rounding is done here: find the binary exponent E
  /// with 2^E <= |x| < 2^(E+1), take the unit in the last place u = 2^max(E-52, -1074),
  /// divide |x| by u with remainder, and round the quotient half-to-even.
  public var doubleValue: Double {
    if isZero { return 0 }
    let negative = signum < 0
    let n = numerator.magnitude
    let d = denominator
    // 2^(e0-1) < |x| < 2^(e0+1).
    let e0 = n.bitWidth - d.bitWidth
    if e0 > 1025 { return negative ? -.infinity : .infinity }
    if e0 < -1080 { return negative ? -0.0 : 0.0 }
    // Settle E in {e0 - 1, e0}: |x| >= 2^e0 iff n >= d * 2^e0.
    let atLeast = e0 >= 0 ? n >= (d << e0) : (n << -e0) >= d
    let exponent = atLeast ? e0 : e0 - 1
    let ulpExponent = max(exponent - 52, -1074)
    let (numeratorScaled, denominatorScaled) =
      ulpExponent >= 0 ? (n, d << ulpExponent) : (n << -ulpExponent, d)
    // The quotient has at most 53 bits, the remainder decides the rounding.
    var (q, r) = try! numeratorScaled.quotientAndRemainder(dividingBy: denominatorScaled)
    let twiceRemainder = r << 1
    if twiceRemainder > denominatorScaled || (twiceRemainder == denominatorScaled && q.isOdd) {
      q += 1
    }
    let significand = Double(UInt64(q.withMPZ { __gmpz_get_ui($0) }))  // <= 2^53: exact
    let magnitude = significand * Self.powerOfTwo(ulpExponent)
    return negative ? -magnitude : magnitude
  }

  /// 2^e as a Double (exact for every e in the subnormal and normal range).
  private static func powerOfTwo(_ e: Int) -> Double {
    Double(sign: .plus, exponent: e, significand: 1)
  }
}
