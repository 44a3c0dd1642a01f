// IEEE-754 doubles including the awkward ones: signed zeros, subnormals, huge values.

import PropertyTesting

/// The choice layout of a double, used both to decode choices and to plan (encode) a
/// chosen value while generating.
///
/// Layout: a class choice (0 = normal or zero, 1 = subnormal, 2 = infinite, 3 = NaN), a
/// sign choice (1 = negative), then
/// - normal/zero: an exponent code (0 means ±0; code `c > 0` means exponent
///   0, -1, 1, -2, 2, ... for c = 1, 2, 3, ..., clamped to -1022...1023) and the 52-bit
///   fraction;
/// - subnormal: the fraction minus one.
/// Everything shrinks towards +0 and then towards 1, 0.5, 2, ... with short fractions.
enum DoubleLayout {
  static func exponent(code: UInt64) -> Int {
    let k = Int(code) - 1
    let e = k % 2 == 0 ? k / 2 : -(k + 1) / 2
    return min(1023, max(-1022, e))
  }

  static func code(exponent e: Int) -> UInt64 {
    UInt64(e >= 0 ? 2 * e + 1 : -2 * e)
  }

  /// The choices (class, sign, payload...) of a value.
  static func choices(of x: Double) -> [UInt64] {
    let sign: UInt64 = x.sign == .minus ? 1 : 0
    if x.isNaN { return [3, 0] }
    if x.isInfinite { return [2, sign] }
    if x == 0 { return [0, sign, 0, 0] }
    if x.isSubnormal { return [1, sign, x.significandBitPattern - 1] }
    return [0, sign, code(exponent: Int(x.exponent)), x.significandBitPattern]
  }

  static let fractionMask: UInt64 = (1 << 52) - 1
}

extension Gen where Value == Double {
  /// Any IEEE-754 double: signed zeros, the smallest and random subnormals, the smallest
  /// normal, ±1 and small integers, integers around 2^53, random normals over the whole
  /// exponent range, the largest finite values, and (when allowed) infinities and NaN,
  /// all drawn often. Shrinks towards +0, then 1, then simple binary fractions.
  public static func ieeeDouble(allowInfinity: Bool = false, allowNaN: Bool = false) -> Gen<Double> {
    Gen { source in
      let planned: [UInt64]? = source.steer { rng in
        var specials: [Double] = [
          0, -0.0, 1, -1, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
          .leastNormalMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude,
          -.greatestFiniteMagnitude, 9_007_199_254_740_992, 9_007_199_254_740_994,
          -9_007_199_254_740_992, .ulpOfOne, 1 + .ulpOfOne, 1 - .ulpOfOne / 2,
        ]
        if allowInfinity { specials += [.infinity, -.infinity] }
        if allowNaN { specials.append(.nan) }
        let x: Double
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<3: x = specials.randomElement(using: &rng)!
        case 3: x = Double(Int.random(in: -1000...1000, using: &rng))
        case 4:
          x = Double(sign: Bool.random(using: &rng) ? .minus : .plus, exponentBitPattern: 0,
            significandBitPattern: UInt64.random(in: 1...DoubleLayout.fractionMask, using: &rng))
        case 5..<7: x = Double.random(in: -1...1, using: &rng)
        default:
          x = Double(sign: Bool.random(using: &rng) ? .minus : .plus,
            exponentBitPattern: UInt.random(in: 1...2046, using: &rng),
            significandBitPattern: rng.next() & DoubleLayout.fractionMask)
        }
        return DoubleLayout.choices(of: x)
      }
      func forced(_ i: Int) -> UInt64 { planned.map { i < $0.count ? $0[i] : 0 } ?? 0 }
      let classes = 1 + (allowInfinity ? 1 : 0) + (allowNaN ? 1 : 0)
      var kind = try source.draw(upTo: UInt64(classes), generating: forced(0))
      if kind == 2 && !allowInfinity { kind = 3 }
      let sign: FloatingPointSign = try source.draw(upTo: 1, generating: forced(1)) == 1 ? .minus : .plus
      switch kind {
      case 0:
        let code = try source.draw(upTo: 2047, generating: forced(2))
        let fraction = try source.draw(upTo: DoubleLayout.fractionMask, generating: forced(3))
        if code == 0 { return sign == .minus ? -0.0 : 0.0 }
        let e = DoubleLayout.exponent(code: code)
        return Double(sign: sign, exponentBitPattern: UInt(e + 1023), significandBitPattern: fraction)
      case 1:
        let f = try source.draw(upTo: DoubleLayout.fractionMask - 1, generating: forced(2))
        return Double(sign: sign, exponentBitPattern: 0, significandBitPattern: f + 1)
      case 2:
        return sign == .minus ? -.infinity : .infinity
      default:
        return .nan
      }
    }
  }
}
