@testable import ExactArithmetic
import PropertyTesting

/// The shared seeded generator (SeededRandom, re-exported by PropertyTesting), named here
/// once so every file of this target can use it without importing it.
typealias SplitMix64 = PropertyTesting.SplitMix64

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
