import Testing
@testable import ExactArithmetic

@Suite struct SquareRootTests {
  /// The convergents p/q of sqrt(2) = [1; 2, 2, 2, ...] satisfy p^2 - 2 q^2 = ±1, so they lie
  /// alternately below and above sqrt(2); the certified bounds must respect that order.
  @Test func convergentsOfSqrt2AreBracketed() {
    var (p, q) = (BigInt(1), BigInt(1))
    var convergents: [(Rational, Int)] = []
    for _ in 0..<60 {
      let norm = p * p - 2 * q * q
      convergents.append((try! Rational(numerator: p, denominator: q), norm.signum))
      (p, q) = (p + 2 * q, p + q)
    }
    for precision in [1, 10, 64, 200] {
      let (lo, hi) = Rational(2).squareRootBounds(precisionBits: precision)
      #expect(lo <= hi && hi - lo <= Rational(1) / Rational(BigInt(1) << precision))
      #expect(lo * lo <= 2 && hi * hi >= 2)
      for (c, side) in convergents {
        if side < 0 { #expect(c <= hi) } else { #expect(c >= lo) }
      }
    }
  }

  @Test func randomBoundsAreCertified() {
    var rng = SplitMix64(seed: 40)
    for _ in 0..<300 {
      let x = rng.rational(maxBits: 500).magnitude
      let p = Int.random(in: 0...400, using: &rng)
      let (lo, hi) = x.squareRootBounds(precisionBits: p)
      #expect(lo.signum >= 0 && lo <= hi)
      #expect(lo * lo <= x && x <= hi * hi)
      #expect(hi - lo <= Rational(1) / Rational(BigInt(1) << p))
    }
  }

  @Test func exactRoots() {
    var rng = SplitMix64(seed: 41)
    for _ in 0..<200 {
      let r = rng.rational(maxBits: 300)
      #expect((r * r).exactSquareRoot == r.magnitude)
      let (lo, hi) = (r * r).squareRootBounds(precisionBits: 50)
      #expect(lo <= r.magnitude && r.magnitude <= hi)
    }
    #expect(Rational(2).exactSquareRoot == nil)
    #expect(Rational(8, 9).exactSquareRoot == nil)
    #expect(Rational(-4).exactSquareRoot == nil)
    #expect(Rational(9, 4).exactSquareRoot == Rational(3, 2))
  }
}
