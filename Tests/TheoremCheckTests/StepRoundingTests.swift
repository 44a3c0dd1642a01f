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

  /// A narrow enclosure with long endpoints still yields a short step inside the widened
  /// enclosure.
  @Test func widenedEnclosureGivesAShortStep() throws {
    let third = Rational(1, 3)
    let tiny = Rational(1) / Rational(BigInt(3).power(4000))
    let s = StepRounding.simplest(inEnclosure: (third - tiny, third + tiny), relativeSlackBits: 64)
    #expect(s == third)
    // sqrt(2) to 3000 bits: a number near 1 with endpoints of thousands of bits.
    let long = Rational(2).squareRootBounds(precisionBits: 3000).lower
    #expect(long.denominator.bitWidth > 2000)
    let t = StepRounding.simplest(inEnclosure: (long, long), relativeSlackBits: 64)
    #expect(t.denominator.bitWidth <= 40, "denominator of \(t.denominator.bitWidth) bits")
    #expect(long - long / Rational(BigInt(1) << 64) <= t && t <= long + long / Rational(BigInt(1) << 64))
  }

  /// EGD with a rational cos(theta) (the README's fixture form): the iterates' sizes grow
  /// linearly with the steps, not exponentially. With the enclosure as computed (far
  /// narrower than 2^-64) they doubled at every step: 40 kB of digits after 12 steps.
  @Test func iteratesGrowLinearlyWithARationalTheta() throws {
    let json = """
      {"A": [["2", "1/2"], ["1/2", "3"]], "minimizer": ["1", "-1"], "start": ["0", "0"],
       "estimator": {"kind": "topk", "k": 1}, "theta": {"cos": "1/10"}, "steps": 24}
      """
    let run = try CheckRunner.run(try ProblemDecoder().decode(bytes: Array(json.utf8)))
    let bits = run.steps.map { step in step.iterate.map { $0.numerator.bitWidth + $0.denominator.bitWidth }.max() ?? 0 }
    #expect(run.steps.count == 24)
    // About 130 bits per step (the step's ~32-bit denominator times the matrix entries).
    #expect(bits.last! <= 24 * 200, "iterate sizes in bits: \(bits)")
    #expect(bits[23] - bits[11] <= 2 * (bits[11] - bits[0]) + 400, "not linear: \(bits)")
  }

  @Test func shortBelowStaysWithinTheRelativeWidth() {
    let x = Rational(123_456_789, 987_654_321) * Rational(7, 3)
    let s = StepRounding.shortBelow(x, bits: 40)
    #expect(s <= x && s >= x - x / Rational(1 << 40))
  }
}
