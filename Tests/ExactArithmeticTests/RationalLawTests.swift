import Testing
@testable import ExactArithmetic

@Suite struct RationalLawTests {
  @Test func fieldLaws() throws {
    var rng = SplitMix64(seed: 10)
    for _ in 0..<300 {
      let a = rng.interestingRational(), b = rng.interestingRational(), c = rng.interestingRational()
      #expect(a + b == b + a)
      #expect(a * b == b * a)
      #expect((a + b) + c == a + (b + c))
      #expect((a * b) * c == a * (b * c))
      #expect(a * (b + c) == a * b + a * c)
      #expect(a + .zero == a && a * .one == a)
      #expect(a + (-a) == .zero)
      #expect((a - b) + b == a)
      if !a.isZero {
        #expect(a * a.reciprocal == .one)
        #expect((b / a) * a == b)
        #expect(try b.dividing(by: a) == b / a)
      }
      // Canonical form: denominator > 0, coprime parts.
      #expect(a.denominator.signum == 1)
      #expect(BigInt.gcd(a.numerator, a.denominator) == 1)
    }
  }

  @Test func orderLaws() {
    var rng = SplitMix64(seed: 11)
    for _ in 0..<300 {
      let a = rng.interestingRational(), b = rng.interestingRational(), c = rng.interestingRational()
      // Trichotomy and agreement with the sign of the difference.
      let relations = [a < b, a == b, b < a].filter { $0 }.count
      #expect(relations == 1)
      #expect((a < b) == ((b - a).signum == 1))
      // Compatibility with + and with multiplication by positives.
      if a < b {
        #expect(a + c < b + c)
        if c.signum > 0 { #expect(a * c < b * c) }
        if c.signum < 0 { #expect(a * c > b * c) }
      }
      #expect(a.magnitude >= .zero && (a.magnitude == a || a.magnitude == -a))
      // floor/ceil bracket the value.
      let f = Rational(a.floor()), g = Rational(a.ceil())
      #expect(f <= a && a < f + 1 && g - 1 < a && a <= g)
      #expect((f == g) == a.isInteger)
    }
  }

  @Test func equalValuesHashEqualWhateverTheirHistory() {
    var rng = SplitMix64(seed: 12)
    for _ in 0..<200 {
      let a = rng.interestingRational()
      let k = rng.bigInt(maxBits: 300)
      guard !k.isZero else { continue }
      let scaled = try! Rational(numerator: a.numerator * k, denominator: a.denominator * k)
      var accumulated = a + Rational(7, 3)
      accumulated -= Rational(7, 3)
      #expect(scaled == a && accumulated == a)
      #expect(scaled.hashValue == a.hashValue && accumulated.hashValue == a.hashValue)
      #expect(Set([a, scaled, accumulated]).count == 1)
    }
  }

  @Test func powers() {
    var rng = SplitMix64(seed: 13)
    for _ in 0..<100 {
      let a = rng.rational(maxBits: 100)
      let e = Int.random(in: 0...7, using: &rng)
      var product = Rational.one
      for _ in 0..<e { product *= a }
      #expect(a.power(e) == product)
      if !a.isZero { #expect(a.power(-e) * product == .one) }
    }
    #expect(Rational(0).power(0) == .one)
  }

  @Test func compoundAssignmentNeverLeaksIntoCopies() {
    let original = Rational(5, 7)
    var copy = original
    copy += Rational(1, 7)
    copy *= 3
    copy -= 1
    copy /= 2
    #expect(original == Rational(5, 7))
    #expect(copy == Rational(((5 + 1) * 3 - 7), 14))
  }

  @Test func constructionEdgeCases() throws {
    #expect(Rational(6, -4) == Rational(-3, 2))
    #expect(Rational(Int.min, -1).description == "9223372036854775808")
    #expect(Rational(Int.min, Int.min) == .one)
    #expect(throws: ExactArithmeticError.divisionByZero) {
      try Rational(numerator: 1, denominator: 0)
    }
    #expect(throws: ExactArithmeticError.divisionByZero) { try Rational.one.dividing(by: .zero) }
    #expect(Rational(-6, 4).description == "-3/2")
  }
}
