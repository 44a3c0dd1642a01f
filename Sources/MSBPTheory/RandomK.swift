import ExactArithmetic
import SeededRandom

/// random_k: keeps k indices drawn uniformly without replacement, ignoring v.
///
/// It has the form of Definition 3 but is not a sparsifying function: the
/// kept share of ‖v‖² is k/n only in expectation, so the bound fails for some
/// v (the counterexample is kept in `Fixtures/theory/random-k-violation.json`).
///
/// Reproducibility: the selection is a pure function of `(seed, n, k)`, drawn
/// by a partial Fisher–Yates shuffle driven by SplitMixStream. Callers that want a
/// fresh draw per step derive a new seed per step (e.g. `seed &+ t`).
public struct RandomK: SparsifyingFunction {
  /// The seed of the draw.
  public let seed: UInt64

  /// A random-k selector whose draws are determined by `seed`.
  public init(seed: UInt64) { self.seed = seed }

  /// "random_k".
  public var name: String { "random_k(seed: \(seed))" }

  /// k distinct indices drawn uniformly from 0..<n, ascending.
  public func selectedIndices(of v: [Rational], k: Int) throws -> [Int] {
    try requireSparsity(k, v.count)
    var generator = SplitMixStream(seed: seed)
    var pool = Array(v.indices)
    for i in 0..<k {
      let j = i + Int(generator.next(below: UInt64(pool.count - i)))
      pool.swapAt(i, j)
    }
    return pool.prefix(k).sorted()
  }
}

/// SplitMixStream: the shared SplitMix64 (Steele, Lea, Flood 2014) with an unbiased
/// bounded draw of its own, so that random_k is reproducible across platforms and Swift
/// versions (the standard library's bounded draws may change).
struct SplitMixStream: Sendable {
  var base: SplitMix64
  init(seed: UInt64) { base = SplitMix64(seed: seed) }

  mutating func next() -> UInt64 { base.next() }

  /// Uniform in 0..<bound (bound > 0), by rejection to avoid modulo bias.
  mutating func next(below bound: UInt64) -> UInt64 {
    let limit = UInt64.max - UInt64.max % bound
    while true {
      let x = next()
      if x < limit { return x % bound }
    }
  }
}
