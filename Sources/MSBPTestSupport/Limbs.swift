// Magnitudes as little-endian 64-bit limbs: the choice layout of big integers.

import ExactArithmetic
import PropertyTesting

/// Helpers on little-endian limb arrays (limb 0 is the least significant).
enum Limbs {
  /// The limbs of `2^k + delta` for `k >= 0` and `delta` in -1...1.
  static func powerOfTwo(_ k: Int, plus delta: Int) -> [UInt64] {
    if k == 0 { return [UInt64(1 + delta)] }
    var limbs = [UInt64](repeating: 0, count: k / 64 + 1)
    limbs[k / 64] = 1 << UInt64(k % 64)
    if delta == 1 { limbs[0] |= 1 }  // bit 0 is free since k >= 1
    if delta == -1 { limbs = subtractingOne(limbs) }
    return trimmed(limbs)
  }

  /// `value - 1` for a nonzero magnitude.
  static func subtractingOne(_ limbs: [UInt64]) -> [UInt64] {
    var out = limbs
    for i in out.indices {
      if out[i] > 0 {
        out[i] -= 1
        return trimmed(out)
      }
      out[i] = .max
    }
    return [0]
  }

  /// Removes most-significant zero limbs, keeping at least one limb.
  static func trimmed(_ limbs: [UInt64]) -> [UInt64] {
    var out = limbs
    while out.count > 1 && out.last == 0 { out.removeLast() }
    return out.isEmpty ? [0] : out
  }

  /// Random limbs of a magnitude with exactly `bits` bits (`bits >= 1`).
  static func random(bits: Int, using rng: inout Xoshiro256StarStar) -> [UInt64] {
    let count = (bits + 63) / 64
    var limbs = (0..<count).map { _ in rng.next() }
    let topBits = bits - 64 * (count - 1)
    let top = count - 1
    limbs[top] &= topBits == 64 ? .max : (UInt64(1) << UInt64(topBits)) - 1
    limbs[top] |= UInt64(1) << UInt64(topBits - 1)
    return limbs
  }

  /// The limbs of a small magnitude.
  static func of(_ value: UInt64) -> [UInt64] { [value] }

  /// The `BigInt` with these limbs.
  static func bigInt(_ limbs: [UInt64], negative: Bool) -> BigInt {
    var value = BigInt(0)
    for limb in limbs.reversed() {
      value = (value << 64) + (BigInt(Int(limb >> 32)) << 32) + BigInt(Int(limb & 0xFFFF_FFFF))
    }
    return negative ? -value : value
  }

  /// The limbs of |value|.
  static func of(_ value: BigInt) -> [UInt64] {
    var rest = value.magnitude
    var limbs: [UInt64] = []
    let base = BigInt(1) << 64
    while !rest.isZero {
      let high = rest >> 64
      let low = rest - high * base
      limbs.append(UInt64(low.description) ?? 0)
      rest = high
    }
    return limbs.isEmpty ? [0] : limbs
  }
}

extension ChoiceSource {
  /// Draws a magnitude as limbs. Layout: limb 0, then up to `maxLimbs - 1` times a continue
  /// flag and the next more significant limb (each flag+limb pair a span), so deleting
  /// spans drops high limbs and minimising limbs makes the magnitude small.
  ///
  /// When generating, `plan` (if any) is the magnitude to produce.
  func drawLimbs(maxLimbs: Int, plan: [UInt64]?) throws -> [UInt64] {
    let target = plan ?? [0]
    var limbs = [try draw(upTo: .max, generating: target[0])]
    while limbs.count < maxLimbs {
      let start = beginSpan()
      let more = try draw(upTo: 1, generating: limbs.count < target.count ? 1 : 0)
      if more == 0 { break }
      limbs.append(try draw(upTo: .max, generating: limbs.count < target.count ? target[limbs.count] : 0))
      endSpan(start)
    }
    return limbs
  }
}
