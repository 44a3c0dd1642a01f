import SeededRandom

/// A seeded, reproducible pseudo-random generator (xoshiro256**, state expanded from the
/// seed with SplitMix64).
///
/// Every random choice of this module (initialisation, shuffling, dropout) draws from one
/// of these, and the derived helpers (``nextFloat(in:_:)``, ``nextInt(below:)``,
/// ``shuffle(_:)``) are written here rather than taken from the standard library, whose
/// algorithms may change between Swift versions: the same seed gives the same run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var base: Xoshiro256StarStar

  /// A generator for `seed`; `stream` separates independent uses of one seed
  /// (e.g. initialisation, shuffling and dropout of the same run).
  public init(seed: UInt64, stream: UInt64 = 0) {
    base = Xoshiro256StarStar(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 { base.next() }

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
