// Generators of rational vectors with the shapes that matter for top_k and angle bounds.

import ExactArithmetic
import PropertyTesting

/// The shapes of rational vectors drawn on purpose by ``PropertyTesting/Gen/rationalEntries(count:maxBits:)``.
public enum VectorShape: String, CaseIterable, Sendable {
  /// Every entry zero.
  case zero
  /// Most entries zero.
  case sparse
  /// Entries drawn from one or two magnitudes with random signs: ties in |x|.
  case ties
  /// Independent entries.
  case general

  /// The shapes `entries` has (a vector may have several; `general` is never reported).
  public static func shapes(of entries: [Rational]) -> Set<VectorShape> {
    var result: Set<VectorShape> = []
    if !entries.isEmpty && entries.allSatisfy(\.isZero) { result.insert(.zero) }
    let zeros = entries.filter(\.isZero).count
    if entries.count >= 2 && zeros * 2 >= entries.count && zeros < entries.count {
      result.insert(.sparse)
    }
    if hasTiesInMagnitude(entries) { result.insert(.ties) }
    return result
  }
}

/// Whether two entries have the same nonzero magnitude (the case where `top_k` must break
/// ties).
public func hasTiesInMagnitude(_ entries: [Rational]) -> Bool {
  var seen = Set<Rational>()
  for x in entries where !x.isZero {
    if !seen.insert(x.magnitude).inserted { return true }
  }
  return false
}

extension Gen where Value == [Rational] {
  /// Entries of rational vectors, with a length in `count`.
  ///
  /// Generated on purpose in four shapes (see ``VectorShape``): zero vectors, sparse
  /// vectors (about three quarters of the entries zero), vectors with ties in magnitude
  /// (entries ±a or ±b), and general vectors whose entries come from
  /// ``PropertyTesting/Gen/rational(maxBits:)`` with up to `maxBits` bits per part.
  ///
  /// Choice layout: like `array`, a continue flag and a rational per entry, so a failing
  /// vector shrinks towards short vectors of small integers.
  public static func rationalEntries(count: ClosedRange<Int> = 1...8, maxBits: Int = 128) -> Gen<[Rational]> {
    Gen { source in
      guard count.lowerBound >= 0, maxBits >= 2 else {
        throw GeneratorError("Gen.rationalEntries: bad count \(count) or maxBits \(maxBits)")
      }
      let plans: [RationalPlan]? = source.steer { rng in
        let n = Int.random(in: count, using: &rng)
        let cap = BigIntPlan.bitCap(maxBits: maxBits, size: source.size)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0:
          return Array(repeating: RationalPlan.zero, count: n)
        case 1..<4:
          // About three quarters zeros, but never all: one entry is surely nonzero.
          let keep = Int.random(in: 0..<max(n, 1), using: &rng)
          return (0..<n).map { i in
            i == keep || Int.random(in: 0..<4, using: &rng) == 0
              ? RationalPlan.random(bitCap: cap, using: &rng).nonzero : RationalPlan.zero
          }
        case 4..<7:
          let pool = (0..<Int.random(in: 1...2, using: &rng)).map { _ in
            RationalPlan.random(bitCap: cap, using: &rng).nonzero
          }
          return (0..<n).map { _ in
            let plan = pool.randomElement(using: &rng)!
            return Bool.random(using: &rng) ? plan.negated : plan
          }
        default:
          return (0..<n).map { _ in RationalPlan.random(bitCap: cap, using: &rng) }
        }
      }
      let target = plans?.count ?? 0
      var entries: [Rational] = []
      while entries.count < count.upperBound {
        let start = source.beginSpan()
        if entries.count >= count.lowerBound {
          if try source.draw(upTo: 1, generating: entries.count < target ? 1 : 0) == 0 { break }
        }
        let plan = plans.map { entries.count < $0.count ? $0[entries.count] : .zero }
        entries.append(try source.drawRational(maxBits: maxBits, plan: plan))
        source.endSpan(start)
      }
      return entries
    }
  }

  /// Entries of rational vectors of exactly `count` entries (for pairs of vectors that
  /// must have equal lengths, draw the length first and `flatMap`).
  public static func rationalEntries(count: Int, maxBits: Int = 128) -> Gen<[Rational]> {
    rationalEntries(count: count...count, maxBits: maxBits)
  }
}
