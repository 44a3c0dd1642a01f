import MSBPTestSupport
import PropertyTesting
import Testing
@testable import ExactArithmetic

/// The field and order laws again, through the property engine (shrinking counterexamples,
/// edge-biased generators of up to thousands of bits), with fixed seeds.
@Suite struct PropertyLawTests {
  let rationals = Gen.zip(Gen.rational(maxBits: 3000), Gen.rational(maxBits: 3000), Gen.rational(maxBits: 512))

  @Test func rationalFieldLaws() throws {
    try forAll("Rational field laws", rationals, seed: 0x5EED_0001) { a, b, c in
      let ring = a + b == b + a && a * b == b * a && (a + b) + c == a + (b + c)
        && (a * b) * c == a * (b * c) && a * (b + c) == a * b + a * c && (a - b) + b == a
      let inverse = a.isZero || (a * a.reciprocal == .one && (b / a) * a == b)
      let canonical = a.denominator.signum == 1 && BigInt.gcd(a.numerator, a.denominator) == 1
      return ring && inverse && canonical
    }
  }

  @Test func rationalOrderLaws() throws {
    try forAll("Rational order laws", rationals, seed: 0x5EED_0002) { a, b, c in
      let trichotomy = [a < b, a == b, b < a].filter { $0 }.count == 1
      let matchesDifference = (a < b) == ((b - a).signum == 1)
      let translation = !(a < b) || a + c < b + c
      let scaling = !(a < b) || c.signum <= 0 || a * c < b * c
      let floorCeil = Rational(a.floor()) <= a && a < Rational(a.floor()) + 1
        && Rational(a.ceil()) - 1 < a && a <= Rational(a.ceil())
      return trichotomy && matchesDifference && translation && scaling && floorCeil
    }
  }

  @Test func bigIntDivisionIdentity() throws {
    let pairs = Gen.zip(Gen.bigInt(maxBits: 4096), Gen.bigInt(maxBits: 2048))
    try forAll("BigInt truncated division", pairs, seed: 0x5EED_0003) { a, b in
      guard !b.isZero else { return true }
      let (q, r) = try a.quotientAndRemainder(dividingBy: b)
      return q * b + r == a && r.magnitude < b.magnitude && (r.isZero || r.signum == a.signum)
    }
  }

  @Test func doubleConversionRoundTrips() throws {
    try forAll("Rational(exactly:).doubleValue round trip", Gen.rational(maxBits: 128), seed: 0x5EED_0004) { x in
      let d = x.doubleValue
      guard d.isFinite, d != 0 else { return true }
      // The converted double is at least as close as both neighbours (exact distances).
      let distance = (try Rational(exactly: d) - x).magnitude
      for neighbour in [d.nextUp, d.nextDown] where neighbour.isFinite {
        if distance > (try Rational(exactly: neighbour) - x).magnitude { return false }
      }
      return try Rational(exactly: d).doubleValue == d
    }
  }
}
