import Testing
@testable import ExactArithmetic

@Suite struct BigIntTests {
  @Test func smallValuesAgreeWithInt() {
    var rng = SplitMix64(seed: 1)
    for _ in 0..<2000 {
      let a = Int.random(in: -1 << 30...1 << 30, using: &rng)
      let b = Int.random(in: -1 << 30...1 << 30, using: &rng)
      #expect(BigInt(a) + BigInt(b) == BigInt(a + b))
      #expect(BigInt(a) - BigInt(b) == BigInt(a - b))
      #expect(BigInt(a) * BigInt(b) == BigInt(a * b))
      #expect((BigInt(a) < BigInt(b)) == (a < b))
      #expect(BigInt(a).description == String(a))
      #expect(BigInt(a).signum == a.signum())
      if b != 0 {
        let (q, r) = try! BigInt(a).quotientAndRemainder(dividingBy: BigInt(b))
        let expected = a.quotientAndRemainder(dividingBy: b)  // Swift truncates too
        #expect(q == BigInt(expected.quotient) && r == BigInt(expected.remainder))
      }
    }
  }

  @Test func ringLawsOnThousandsOfBits() throws {
    var rng = SplitMix64(seed: 2)
    for _ in 0..<200 {
      let a = rng.bigInt(maxBits: 4000), b = rng.bigInt(maxBits: 4000), c = rng.bigInt(maxBits: 2000)
      #expect(a + b == b + a)
      #expect(a * b == b * a)
      #expect((a + b) + c == a + (b + c))
      #expect((a * b) * c == a * (b * c))
      #expect(a * (b + c) == a * b + a * c)
      #expect((a + b) - b == a)
      #expect(a + (-a) == 0)
      #expect(a.magnitude == (a.signum < 0 ? -a : a))
      #expect(try BigInt(parsing: a.description) == a)
      if !b.isZero {
        let (q, r) = try a.quotientAndRemainder(dividingBy: b)
        #expect(q * b + r == a)
        #expect(r.magnitude < b.magnitude)
        #expect(r.isZero || r.signum == a.signum)
      }
      let g = BigInt.gcd(a, b)
      if !g.isZero {
        #expect(try a.quotientAndRemainder(dividingBy: g).remainder.isZero)
        #expect(try b.quotientAndRemainder(dividingBy: g).remainder.isZero)
        let reducedA = try a.quotientAndRemainder(dividingBy: g).quotient
        let reducedB = try b.quotientAndRemainder(dividingBy: g).quotient
        #expect(BigInt.gcd(reducedA, reducedB) == 1)
      }
    }
  }

  @Test func hashingFollowsValueNotHistory() {
    var rng = SplitMix64(seed: 3)
    for _ in 0..<200 {
      let a = rng.bigInt(maxBits: 1000)
      let b = rng.bigInt(maxBits: 1000)
      var viaSum = a + b
      viaSum -= b  // in-place path, storage has grown
      #expect(viaSum == a)
      #expect(viaSum.hashValue == a.hashValue)
    }
  }

  @Test func powersSquareRootsAndBitWidth() {
    var rng = SplitMix64(seed: 4)
    for _ in 0..<200 {
      let a = rng.bigInt(maxBits: 1500).magnitude
      let s = a.squareRootFloor()
      #expect(s * s <= a && (s + 1) * (s + 1) > a)
      #expect((a * a).squareRootFloor() == a)
      #expect(a.power(3) == a * a * a)
      #expect(a.power(0) == 1)
      if !a.isZero {
        #expect(BigInt(1) << (a.bitWidth - 1) <= a && a < BigInt(1) << a.bitWidth)
      }
    }
    #expect(BigInt(0).bitWidth == 0)
  }

  @Test func divisionByZeroThrows() {
    #expect(throws: ExactArithmeticError.divisionByZero) {
      try BigInt(5).quotientAndRemainder(dividingBy: 0)
    }
  }

  @Test(arguments: ["", "-", "+", "12a", "1.5", " 1 2", "0x10", "١٢"])
  func parseErrorsNameTheText(_ text: String) {
    do {
      _ = try BigInt(parsing: text)
      Issue.record("accepted \(text.debugDescription)")
    } catch let error as ExactArithmeticError {
      guard case .invalidNumber(let named, _) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(named == text)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func intConversion() {
    #expect(Int(exactly: BigInt(Int.min)) == Int.min)
    #expect(Int(exactly: BigInt(Int.max)) == Int.max)
    #expect(Int(exactly: BigInt(Int.max) + 1) == nil)
  }
}
