/// A seeded, reproducible pseudo-random generator (xoshiro256**, state expanded from the
/// seed with SplitMix64).
///
/// Every random choice of this module (initialisation, shuffling, dropout) draws from one
/// of these, and the derived helpers (``nextFloat(in:_:)``, ``nextInt(below:)``,
/// ``shuffle(_:)``) are written here rather than taken from the standard library, whose
/// algorithms may change between Swift versions: the same seed gives the same run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var s: (UInt64, UInt64, UInt64, UInt64)

  /// A generator for `seed`; `stream` separates independent uses of one seed
  /// (e.g. initialisation, shuffling and dropout of the same run).
  public init(seed: UInt64, stream: UInt64 = 0) {
    var x = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
    func splitMix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s = (splitMix(), splitMix(), splitMix(), splitMix())
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotl(s.1 &* 5, 7) &* 9
    let t = s.1 << 17
    s.2 ^= s.0
    s.3 ^= s.1
    s.1 ^= s.2
    s.0 ^= s.3
    s.2 ^= t
    s.3 = rotl(s.3, 45)
    return result
  }

  private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  /// A float uniform in `[0, 1)` with 24 random bits.
  public mutating func nextUnitFloat() -> Float {
    Float(next() >> 40) * 0x1p-24
  }

  /// A float uniform in `[low, high)`.
  public mutating func nextFloat(in low: Float, _ high: Float) -> Float {
    low + (high - low) * nextUnitFloat()
  }

  /// An integer uniform in `0..<bound` (unbiased, by rejection).
  public mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0)
    let b = UInt64(bound)
    let limit = UInt64.max - UInt64.max % b
    while true {
      let r = next()
      if r < limit { return Int(r % b) }
    }
  }

  /// Fisher-Yates shuffle (from the last position down).
  public mutating func shuffle<T>(_ array: inout [T]) {
    var i = array.count - 1
    while i > 0 {
      let j = nextInt(below: i + 1)
      array.swapAt(i, j)
      i -= 1
    }
  }
}
