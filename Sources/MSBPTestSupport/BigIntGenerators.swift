// Generators of arbitrary-precision integers.

import ExactArithmetic
import PropertyTesting

/// A planned big integer (sign and magnitude limbs), chosen while generating and then
/// written into the choice sequence.
struct BigIntPlan {
  var negative: Bool
  var limbs: [UInt64]

  static let zero = BigIntPlan(negative: false, limbs: [0])

  /// The bit budget of a case: grows with the size parameter up to `maxBits`, so early
  /// cases are small.
  static func bitCap(maxBits: Int, size: Int) -> Int {
    max(8, maxBits * (size + 1) / (maxPropertySize + 1))
  }

  /// A random plan favouring 0, ±1, ±2, small values, and values next to powers of two
  /// (limb boundaries, 2^63, 2^64), with bit lengths log-uniform up to `bitCap`.
  static func random(bitCap: Int, using rng: inout Xoshiro256StarStar) -> BigIntPlan {
    let negative = rng.next() & 1 == 1
    let limbs: [UInt64]
    switch Int.random(in: 0..<12, using: &rng) {
    case 0..<3:
      limbs = [UInt64.random(in: 0...2, using: &rng)]
    case 3..<6:
      let bits = Int.random(in: 1...min(16, bitCap), using: &rng)
      limbs = Limbs.random(bits: bits, using: &rng)
    case 6..<10:
      let bits = Int.random(in: 1...bitCap, using: &rng)
      limbs = Limbs.random(bits: bits, using: &rng)
    default:
      let boundaries = [31, 32, 52, 53, 63, 64, 65, 127, 128].filter { $0 <= bitCap }
      let k =
        Bool.random(using: &rng) && !boundaries.isEmpty
        ? boundaries.randomElement(using: &rng)! : Int.random(in: 1...bitCap, using: &rng)
      limbs = Limbs.powerOfTwo(k, plus: Int.random(in: -1...1, using: &rng))
    }
    return BigIntPlan(negative: negative, limbs: limbs)
  }
}

extension ChoiceSource {
  /// Draws a big integer. Layout: a sign choice (1 = negative), then the magnitude limbs
  /// (see `drawLimbs`). Everything shrinks towards small non-negative integers.
  func drawBigInt(maxBits: Int, plan: BigIntPlan?) throws -> BigInt {
    let negative = try draw(upTo: 1, generating: plan?.negative == true ? 1 : 0) == 1
    let limbs = try drawLimbs(maxLimbs: max(1, (maxBits + 63) / 64), plan: plan?.limbs)
    return Limbs.bigInt(limbs, negative: negative)
  }

  /// Draws a big integer with a random plan when generating.
  func drawBigInt(maxBits: Int) throws -> BigInt {
    let plan = steer { rng in BigIntPlan.random(bitCap: BigIntPlan.bitCap(maxBits: maxBits, size: size), using: &rng) }
    return try drawBigInt(maxBits: maxBits, plan: plan)
  }
}

extension Gen where Value == BigInt {
  /// Big integers of up to `maxBits` bits (rounded up to a multiple of 64), from small to
  /// thousands of bits: 0, ±1, ±2, small values and values next to powers of two
  /// (2^k - 1, 2^k, 2^k + 1, at limb boundaries especially) are favoured; bit lengths
  /// grow with the size parameter. Shrinks towards small non-negative integers.
  public static func bigInt(maxBits: Int = 4096) -> Gen<BigInt> {
    Gen { source in
      guard maxBits >= 1 else { throw GeneratorError("Gen.bigInt(maxBits:): maxBits \(maxBits) < 1") }
      return try source.drawBigInt(maxBits: maxBits)
    }
  }
}
