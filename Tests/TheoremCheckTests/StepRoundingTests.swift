import ExactArithmetic
import Testing
@testable import TheoremCheckCore

/// The simplest rational in an interval (used for the step EGD takes).
@Suite struct StepRoundingTests {
  @Test func knownContinuedFractionAnswers() throws {
    #expect(StepRounding.simplest(in: try Rational(parsing: "0.333"), try Rational(parsing: "0.334")) == Rational(1, 3))
    #expect(StepRounding.simplest(in: try Rational(parsing: "3.14159"), try Rational(parsing: "3.1416")) == Rational(355, 113))
    #expect(StepRounding.simplest(in: Rational(5, 2), Rational(7, 2)) == Rational(3))
    #expect(StepRounding.simplest(in: Rational(2, 7), Rational(2, 7)) == Rational(2, 7))
  }

  /// Against brute force: the answer lies in [lo, hi] and no fraction with a
  /// smaller denominator does.
  @Test func smallestDenominatorByBruteForce() {
    var rng = SplitMix64(seed: 99)
    for _ in 0..<300 {
      let q1 = Int.random(in: 1...60, using: &rng)
      let p1 = Int.random(in: 1...(3 * q1), using: &rng)
      let q2 = Int.random(in: 1...60, using: &rng)
      let p2 = Int.random(in: 1...(3 * q2), using: &rng)
      let a = Rational(p1, q1)
      let b = Rational(p2, q2)
      let (lo, hi) = a <= b ? (a, b) : (b, a)
      let s = StepRounding.simplest(in: lo, hi)
      #expect(lo <= s && s <= hi)
      let denominator = Int(s.denominator.description)!
      for q in 1..<denominator {
        // Is there p with lo <= p/q <= hi? p = ceil(lo q).
        let p = Rational((lo * Rational(q)).ceil())
        #expect(!(p / Rational(q) <= hi), "\(p)/\(q) in [\(lo), \(hi)] beats \(s)")
      }
    }
  }

  @Test func shortBelowStaysWithinTheRelativeWidth() {
    let x = Rational(123_456_789, 987_654_321) * Rational(7, 3)
    let s = StepRounding.shortBelow(x, bits: 40)
    #expect(s <= x && s >= x - x / Rational(1 << 40))
  }
}
