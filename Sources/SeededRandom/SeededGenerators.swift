// Seedable pseudo-random number generators shared by every module.
//
// Swift's `SystemRandomNumberGenerator` cannot be seeded, so nothing drawn from it
// can be reproduced. Every random choice in this project goes through one of the two
// generators below instead, so that a printed seed is enough to rerun a computation.

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny 64-bit generator with a single word of state.
///
/// It is used here mainly to expand one 64-bit seed into the larger state of
/// ``Xoshiro256StarStar`` and to derive independent per-case seeds from a run seed,
/// because its output function is a good 64-bit mixer even for consecutive seeds.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The current state; advanced by the golden-ratio increment on every call.
  public private(set) var state: UInt64

  /// Creates a generator whose whole future output is determined by `seed`.
  public init(seed: UInt64) { state = seed }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.mix(state)
  }

  /// The SplitMix64 output function: a bijective avalanche mixer of 64-bit words.
  ///
  /// Exposed so that callers can derive well-spread seeds from structured inputs
  /// (for example a run seed combined with a case index).
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// xoshiro256** (Blackman & Vigna 2018): a fast, statistically strong 64-bit generator
/// with 256 bits of state.
///
/// This is the generator behind every property-test case, and other modules may use it
/// for any seeded randomness (initialisations, sampling) through the standard
/// `RandomNumberGenerator` API:
///
/// ```swift
/// var rng = Xoshiro256StarStar(seed: 42)
/// let k = Int.random(in: 0..<10, using: &rng)
/// ```
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  private var s0, s1, s2, s3: UInt64

  /// Creates a generator from a 64-bit seed, expanding it to 256 bits with ``SplitMix64``
  /// (the seeding procedure recommended by the authors; it never yields the all-zero state).
  public init(seed: UInt64) {
    var expander = SplitMix64(seed: seed)
    s0 = expander.next()
    s1 = expander.next()
    s2 = expander.next()
    s3 = expander.next()
  }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, by: 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, by: 45)
    return result
  }

  private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
