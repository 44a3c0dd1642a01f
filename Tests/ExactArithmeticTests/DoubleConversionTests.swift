import Testing
@testable import ExactArithmetic

@Suite struct DoubleConversionTests {
  /// Random doubles from random bit patterns: every exponent, subnormals included.
  @Test func everyFiniteDoubleRoundTrips() throws {
    var rng = SplitMix64(seed: 30)
    var checked = 0
    while checked < 3000 {
      let d = Double(bitPattern: rng.next())
      guard d.isFinite else { continue }
      let exact = try Rational(exactly: d)
      #expect(exact.doubleValue == d)
      checked += 1
    }
    for d in [0.0, Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude,
              Double.leastNormalMagnitude, Double.leastNormalMagnitude.nextDown,
              Double.greatestFiniteMagnitude, 1.0, -0.1, 0x1p-1030] {
      #expect(try Rational(exactly: d).doubleValue == d)
    }
    // The exact value of 0.1 is the dyadic 3602879701896397 / 2^55.
    #expect(try Rational(exactly: 0.1) == Rational(3_602_879_701_896_397) / Rational(BigInt(1) << 55))
  }

  @Test func nonFiniteRejected() {
    for d in [Double.nan, .infinity, -.infinity] {
      #expect(throws: ExactArithmeticError.self) { try Rational(exactly: d) }
    }
  }

  /// Midpoints between adjacent doubles round to the neighbour with an even significand.
  @Test func tiesRoundToEven() throws {
    var rng = SplitMix64(seed: 31)
    var checked = 0
    while checked < 1000 {
      let d = Double(bitPattern: rng.next() >> 1)  // non-negative
      guard d.isFinite, d.nextUp.isFinite else { continue }
      let up = d.nextUp
      let midpoint = (try Rational(exactly: d) + Rational(exactly: up)) / 2
      let expected = d.bitPattern & 1 == 0 ? d : up
      #expect(midpoint.doubleValue == expected)
      #expect((-midpoint).doubleValue == -expected)
      checked += 1
    }
  }

  /// For random rationals the result is at least as close as both neighbours (checked with
  /// exact rational distances, independently of the conversion's own algorithm).
  @Test func randomRationalsRoundToNearest() throws {
    var rng = SplitMix64(seed: 32)
    for i in 0..<1500 {
      let bits = i % 3 == 0 ? 1200 : 120
      let x = rng.rational(maxBits: bits)
      let d = x.doubleValue
      guard d.isFinite, d != 0 else { continue }
      let distance = (try Rational(exactly: d) - x).magnitude
      for neighbour in [d.nextUp, d.nextDown] where neighbour.isFinite {
        #expect(distance <= (try Rational(exactly: neighbour) - x).magnitude)
      }
    }
    // Subnormal range: 3/4 of the least subnormal rounds up, 1/4 rounds to zero.
    let tiny = try Rational(exactly: Double.leastNonzeroMagnitude)
    #expect((tiny * Rational(3, 4)).doubleValue == Double.leastNonzeroMagnitude)
    #expect((tiny * Rational(1, 4)).doubleValue == 0)
    #expect((tiny * Rational(1, 2)).doubleValue == 0)  // tie to even (zero)
    #expect((tiny * Rational(3, 2)).doubleValue == 2 * Double.leastNonzeroMagnitude)
    let huge = try Rational(exactly: Double.greatestFiniteMagnitude)
    #expect((huge * 2).doubleValue == .infinity)
    #expect((-huge * 2).doubleValue == -.infinity)
  }
}
