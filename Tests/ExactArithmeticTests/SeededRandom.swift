@testable import ExactArithmetic

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator so every random test is
/// reproducible from its seed.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension SplitMix64 {
  /// A random integer of up to `bits` bits (uniform bit length, then uniform limbs), with a
  /// random sign; built from 64-bit chunks so thousands of bits are cheap.
  mutating func bigInt(maxBits: Int) -> BigInt {
    let bits = Int.random(in: 0...maxBits, using: &self)
    var value = BigInt(0)
    var remaining = bits
    while remaining > 0 {
      let chunk = min(remaining, 62)
      value = (value << chunk) + BigInt(Int(next() >> UInt64(64 - chunk)))
      remaining -= chunk
    }
    return Bool.random(using: &self) ? -value : value
  }

  /// A random rational with numerator and denominator of up to `maxBits` bits.
  mutating func rational(maxBits: Int) -> Rational {
    let n = bigInt(maxBits: maxBits)
    var d = bigInt(maxBits: maxBits)
    if d.isZero { d = 1 }
    return try! Rational(numerator: n, denominator: d)
  }

  /// A mix of special and random values: zero, ±1, small, and numbers of thousands of bits.
  mutating func interestingRational() -> Rational {
    switch Int.random(in: 0..<10, using: &self) {
    case 0: return .zero
    case 1: return Bool.random(using: &self) ? .one : -.one
    case 2, 3, 4: return rational(maxBits: 8)
    case 5, 6, 7: return rational(maxBits: 128)
    default: return rational(maxBits: 3000)
    }
  }
}
