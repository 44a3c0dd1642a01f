import ExactArithmetic
import Testing
@testable import MSBPTheory

@Suite struct SurdSumTests {
  @Test func squareRootOfTwoLiesBetweenKnownDecimals() throws {
    let r2 = try SurdSum.squareRoot(of: q(2))
    #expect(r2 > SurdSum(q(141_421_356, 100_000_000)))
    #expect(r2 < SurdSum(q(141_421_357, 100_000_000)))
    #expect((r2 * r2).rationalValue == q(2))
  }

  @Test func perfectSquaresBecomeRational() throws {
    #expect(try SurdSum.squareRoot(of: q(9, 4)).rationalValue == q(3, 2))
    #expect(try SurdSum.squareRoot(of: q(0)).rationalValue == q(0))
    #expect(throws: TheoryError.self) { try SurdSum.squareRoot(of: q(-1)) }
  }

  @Test func exactZeroIsDetectedAcrossDependentGenerators() throws {
    // (√2 + √3)² = 5 + 2√6, with √6 introduced as its own generator.
    let s = try SurdSum.squareRoot(of: q(2)) + SurdSum.squareRoot(of: q(3))
    let rhs = SurdSum(q(5)) + (try SurdSum.squareRoot(of: q(6))) * q(2)
    #expect((s * s - rhs).sign == 0)
    #expect(s * s == rhs)
    // √8 − 2√2 = 0 with √8 and √2 as separate generators.
    let d = (try SurdSum.squareRoot(of: q(8))) - (try SurdSum.squareRoot(of: q(2))) * q(2)
    #expect(d.sign == 0)
  }

  @Test func nearCancellationHasTheRightSign() throws {
    // √2 + √3 − √(5 + 2√6) would be 0; perturb by ±1/10^12 via a rational.
    let a = try SurdSum.squareRoot(of: q(10001)) - SurdSum(q(100))  // ≈ 0.0049999
    #expect(a.sign == 1)
    #expect(a < SurdSum(q(1, 200)))
    #expect((a - SurdSum(q(49_998_750, 10_000_000_000))).sign == 1)  // 1/200 − 1/8·10^-6 ≈ 0.00499987
  }

  @Test func signAgreesWithFloatingPointWhenFarFromZero() throws {
    var rng = SplitMixStream(seed: 7)
    var checked = 0
    for _ in 0..<300 {
      var s = SurdSum.zero
      var approx = 0.0
      for _ in 0..<4 {
        let c = Int(rng.next(below: 11)) - 5
        let d = Int(rng.next(below: 20)) + 1
        s = s + (try SurdSum.squareRoot(of: q(d))) * q(c)
        approx += Double(c) * Double(d).squareRoot()
      }
      if abs(approx) > 1e-9 {
        #expect(s.sign == (approx > 0 ? 1 : -1))
        checked += 1
      }
      let (lo, hi) = s.bounds(precisionBits: 40)
      #expect(lo <= hi)
      #expect(SurdSum(lo) <= s && s <= SurdSum(hi))
    }
    #expect(checked > 200)
  }

  @Test func descriptionShowsTheExactForm() throws {
    let s = SurdSum(q(1, 2)) - (try SurdSum.squareRoot(of: q(2, 5))) * q(3)
    #expect(s.description == "1/2 - 3·√(2/5)")
  }
}

@Suite struct SurdSumDecimalTests {
  @Test func decimalsAreWithinTheLastDigitEvenWithLargeCoefficients() throws {
    // 10^9·√2 = 1414213562.373095048801688…
    let big = (try SurdSum.squareRoot(of: q(2))) * q(1_000_000_000)
    #expect(big.decimal(digits: 6) == "1414213562.373095")
    #expect((try SurdSum.squareRoot(of: q(2))).decimal(digits: 10) == "1.4142135624")
  }
}
