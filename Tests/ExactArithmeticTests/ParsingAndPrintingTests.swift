import Testing
@testable import ExactArithmetic

@Suite struct ParsingAndPrintingTests {
  @Test func acceptedForms() throws {
    // Expected values built by arithmetic, not by parsing.
    #expect(try Rational(parsing: "3/4") == Rational(3, 4))
    #expect(try Rational(parsing: "-12") == Rational(-12))
    #expect(try Rational(parsing: "0.125") == Rational(1, 8))
    #expect(try Rational(parsing: "1.5e-3") == Rational(3, 2) / Rational(1000))
    #expect(try Rational(parsing: "-2.5E+2") == Rational(-250))
    #expect(try Rational(parsing: ".5") == Rational(1, 2))
    #expect(try Rational(parsing: "5.") == Rational(5))
    #expect(try Rational(parsing: " -6/8\n") == Rational(-3, 4))
    // Leading zeros of an exponent are not digits of its size.
    #expect(try Rational(parsing: "1e0000000001") == Rational(10))
    #expect(try Rational(parsing: "3e-00000000002") == Rational(3, 100))
  }

  @Test(arguments: ["1/0", "abc", "", "1e999999999", "1e0001000000000", "1/-2", "--1", "1.2.3", "e5", ".", "1e", "1/2/3", "0x1p3", "∞", "1 / 2"])
  func rejectedFormsNameTheText(_ text: String) {
    do {
      let value = try Rational(parsing: text)
      Issue.record("accepted \(text.debugDescription) as \(value)")
    } catch ExactArithmeticError.invalidNumber(let named, let reason) {
      #expect(named == text)
      #expect(!reason.isEmpty)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func descriptionRoundTrips() throws {
    var rng = SplitMix64(seed: 20)
    for _ in 0..<200 {
      let a = rng.interestingRational()
      #expect(try Rational(parsing: a.description) == a)
    }
  }

  @Test func exactDecimalsRoundTrip() throws {
    // Every value m / 10^k printed with k digits and read back is itself.
    var rng = SplitMix64(seed: 21)
    for _ in 0..<200 {
      let m = rng.bigInt(maxBits: 200)
      let k = Int.random(in: 0...40, using: &rng)
      let value = Rational(m) / Rational(BigInt(10).power(k))
      let text = value.decimal(digits: k)
      #expect(try Rational(parsing: text) == value)
    }
  }

  @Test func decimalRoundsHalfToEvenAndCorrectly() throws {
    #expect(Rational(1, 3).decimal(digits: 4) == "0.3333")
    #expect(Rational(2, 3).decimal(digits: 4) == "0.6667")
    #expect(Rational(-5, 8).decimal(digits: 2) == "-0.62")  // tie to even
    #expect(Rational(-7, 8).decimal(digits: 2) == "-0.88")
    #expect(Rational(1, 2).decimal(digits: 0) == "0")
    #expect(Rational(3, 2).decimal(digits: 0) == "2")
    #expect(Rational(-1, 1000).decimal(digits: 2) == "0.00")
    // Random: the printed value is within half a unit of the last place.
    var rng = SplitMix64(seed: 22)
    for _ in 0..<200 {
      let a = rng.rational(maxBits: 150)
      let digits = Int.random(in: 0...30, using: &rng)
      let printed = try Rational(parsing: a.decimal(digits: digits))
      let halfUnit = Rational(1, 2) / Rational(BigInt(10).power(digits))
      #expect((printed - a).magnitude <= halfUnit)
    }
  }
}
