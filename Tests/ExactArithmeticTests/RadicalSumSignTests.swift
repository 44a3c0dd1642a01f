import Testing
@testable import ExactArithmetic

@Suite struct RadicalSumSignTests {
  func sqrt(_ q: Rational) -> RadicalSum { try! RadicalSum.squareRoot(of: q) }

  @Test func simplificationDecidesEquality() {
    #expect((sqrt(8) - RadicalSum(2) * sqrt(2)).isZero)
    #expect((sqrt(Rational(1, 2)) - sqrt(2) * Rational(1, 2)).isZero)
    #expect(sqrt(12) + sqrt(27) == sqrt(3) * Rational(5))
    #expect(sqrt(Rational(9, 4)).rationalValue == Rational(3, 2))
    #expect(!(sqrt(2) + sqrt(3)).isZero)
    // (sqrt a + sqrt b)(sqrt a - sqrt b) = a - b.
    var rng = SplitMix64(seed: 50)
    for _ in 0..<100 {
      let a = rng.rational(maxBits: 60).magnitude, b = rng.rational(maxBits: 60).magnitude
      #expect((sqrt(a) + sqrt(b)) * (sqrt(a) - sqrt(b)) == RadicalSum(a - b))
    }
  }

  /// sqrt(2) + sqrt(3) and sqrt(5 + 2 sqrt(6)) are equal: both are positive and their squares
  /// agree exactly.
  @Test func sqrt2PlusSqrt3SquaredIs5Plus2Sqrt6() throws {
    let s = sqrt(2) + sqrt(3)
    #expect(try s.sign() == 1)
    let square = s * s
    #expect(square == RadicalSum(5) + RadicalSum(2) * sqrt(6))
    #expect(try (square - RadicalSum(5) - RadicalSum(2) * sqrt(6)).sign() == 0)
  }

  /// sqrt(n-1) + sqrt(n+1) < 2 sqrt(n) (strict concavity of sqrt), with a gap near
  /// n^(-3/2)/4, about 2.5e-46 for n = 10^30: far below 1e-40 and below any Double filter.
  @Test func nearlyEqualSurdsDifferingBeyond1eMinus40() throws {
    let n = Rational(BigInt(10).power(30))
    let threeTerms = sqrt(n - 1) + sqrt(n + 1) - RadicalSum(2) * sqrt(n)
    #expect(threeTerms.terms.count == 3)
    #expect(try threeTerms.sign() == -1)
    let (lo, hi) = threeTerms.bounds(precisionBits: 400)
    #expect(hi.magnitude < Rational(1) / Rational(BigInt(10).power(40)) || lo.magnitude < Rational(1) / Rational(BigInt(10).power(40)))
    #expect(threeTerms.floatingPointFilterSign() == nil)  // the hard part is real
    // Four terms: pairs nearer the centre have the larger sum.
    let fourTerms = sqrt(n - 1) + sqrt(n + 1) - sqrt(n - 2) - sqrt(n + 2)
    #expect(fourTerms.terms.count == 4)
    #expect(try fourTerms.sign() == 1)
    #expect(try (-fourTerms).sign() == -1)
    // The exact fallback alone (without filters) agrees.
    #expect(threeTerms.exactSign() == -1 && fourTerms.exactSign() == 1)
  }

  /// Convergents p/q of sqrt(2) lie below it exactly when p^2 - 2 q^2 < 0.
  /// The Double filter at its edge: sqrt(n+1) + sqrt(n-1) - 2 sqrt(n) is negative for every
  /// n >= 1 (sqrt is strictly concave) and about -n^(-3/2)/4, so for large n its Double
  /// evaluation is all rounding error. The filter must then abstain, never answer +1; and
  /// for small n, where the value is far from zero, it must answer -1 itself.
  @Test func floatingPointFilterAbstainsInsideItsErrorBound() throws {
    var rng = SplitMix64(seed: 72)
    var abstained = 0
    var answered = 0
    for i in 0..<400 {
      let n = i < 50 ? i + 2 : Int.random(in: 2...(1 << 62), using: &rng)
      let sum = try RadicalSum(terms: [
        (coefficient: Rational(1), radicand: Rational(n + 1)), (coefficient: Rational(1), radicand: Rational(n - 1)),
        (coefficient: Rational(-2), radicand: Rational(n)),
      ])
      guard sum.terms.count == 3 else { continue }  // n +- 1 or n a square times a shared factor
      let filtered = sum.floatingPointFilterSign()
      #expect(filtered == nil || filtered == -1, "n = \(n): the filter answered \(String(describing: filtered))")
      if filtered == nil { abstained += 1 } else { answered += 1 }
      #expect(try sum.sign() == -1, "n = \(n)")
    }
    #expect(abstained > 100 && answered > 20, "abstained \(abstained), answered \(answered)")
  }

  @Test func convergentsOfSqrt2() throws {
    var (p, q) = (BigInt(1), BigInt(1))
    for _ in 0..<80 {
      let expected = -(p * p - 2 * q * q).signum  // sign of sqrt(2) - p/q
      let difference = sqrt(2) - RadicalSum(try Rational(numerator: p, denominator: q))
      #expect(try difference.sign() == expected)
      #expect(difference.exactSign() == expected)
      (p, q) = (p + 2 * q, p + q)
    }
  }

  /// Random sums of up to four surds: the exact decision agrees with 3000-bit certified
  /// bounds whenever those exclude zero, and with zero when the sum is built to vanish.
  @Test func randomSumsAgreeWithHighPrecisionBounds() throws {
    var rng = SplitMix64(seed: 51)
    for _ in 0..<300 {
      var s = RadicalSum()
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let c = Rational(Int.random(in: -30...30, using: &rng), Int.random(in: 1...9, using: &rng))
        let r = Rational(Int.random(in: 0...60, using: &rng), Int.random(in: 1...5, using: &rng))
        s += try RadicalSum.term(c, sqrtOf: r)
      }
      let decided = s.exactSign()
      #expect(try s.sign() == decided)
      let (lo, hi) = s.bounds(precisionBits: 3000)
      if lo.signum > 0 { #expect(decided == 1) }
      if hi.signum < 0 { #expect(decided == -1) }
      if decided == 0 { #expect(s.isZero && lo <= .zero && hi >= .zero) }
      // A rewritten copy (sqrt(k^2 r) / k) is equal: the difference is exactly zero.
      var rewritten = RadicalSum()
      for t in s.terms {
        let k = Rational(Int.random(in: 1...5, using: &rng))
        rewritten += try RadicalSum.term(t.coefficient / k, sqrtOf: t.radicand * k * k)
      }
      #expect(try (s - rewritten).sign() == 0)
    }
  }

  @Test func productsAndQuotients() throws {
    let positive = sqrt(3) - sqrt(2)
    let negative = sqrt(2) - RadicalSum(Rational(3, 2))  // 1.414 - 1.5
    #expect(try RadicalSum.sign(ofProduct: [positive, negative]) == -1)
    #expect(try RadicalSum.sign(ofProduct: [negative], dividedBy: [negative]) == 1)
    #expect(try RadicalSum.sign(ofProduct: [RadicalSum()], dividedBy: [positive]) == 0)
    #expect(throws: ExactArithmeticError.divisionByZero) {
      try RadicalSum.sign(ofProduct: [positive], dividedBy: [sqrt(8) - RadicalSum(2) * sqrt(2)])
    }
    #expect(throws: ExactArithmeticError.self) { try RadicalSum.squareRoot(of: -1) }
  }

  /// sqrt(2) to 60 decimals, checked against the integer square root of 2 * 10^120 (a second
  /// method), and rounding of random sums against certified bounds.
  @Test func decimalsAreCorrectlyRounded() throws {
    let digits = 60
    let scaled = (BigInt(2) * BigInt(10).power(2 * digits + 2)).squareRootFloor()  // one guard digit
    let (q, r) = try scaled.quotientAndRemainder(dividingBy: 10)
    let rounded = r > 5 || (r == 5) ? q + 1 : q  // sqrt(2) is irrational: no exact tie
    #expect(sqrt(2).decimal(digits: digits) == Rational.formatScaledDecimal(rounded, digits: digits))
    #expect(sqrt(2).decimal(digits: 5) == "1.41421")
    #expect((-sqrt(2)).decimal(digits: 3) == "-1.414")
    #expect(RadicalSum(Rational(1, 8)).decimal(digits: 2) == "0.12")
    var rng = SplitMix64(seed: 52)
    for _ in 0..<100 {
      let s = try RadicalSum.term(Rational(Int.random(in: -9...9, using: &rng)), sqrtOf: Rational(Int.random(in: 2...99, using: &rng)))
        + RadicalSum(rng.rational(maxBits: 20))
      let d = Int.random(in: 0...25, using: &rng)
      let printed = RadicalSum(try Rational(parsing: s.decimal(digits: d)))
      let half = RadicalSum(Rational(1, 2) / Rational(BigInt(10).power(d)))
      #expect(try (printed - s - half).sign() <= 0 && (printed - s + half).sign() >= 0)
    }
  }
}
