import ExactArithmetic
import Testing

@testable import MSBPTestSupport
@testable import PropertyTesting

/// The domain generators of MSBPTestSupport: what they draw (checked with coverage
/// requirements of the engine itself) and how they shrink.
@Suite struct DomainGeneratorTests {
  // MARK: BigInt

  @Test func bigIntsCoverSmallSpecialAndHugeValues() throws {
    try checkProperty("bigInt distribution", Gen.bigInt(maxBits: 4096), cases: 300,
      cover: ["zero": 0.02, "one": 0.01, "minus one": 0.01, "negative": 0.2,
              "over 1000 bits": 0.05, "next to a power of two": 0.03], corpus: .disabled) { x, ctx in
      ctx.classify("zero", x.isZero)
      ctx.classify("one", x == BigInt(1))
      ctx.classify("minus one", x == BigInt(-1))
      ctx.classify("negative", x.signum < 0)
      ctx.classify("over 1000 bits", x.bitWidth > 1000)
      let m = x.magnitude
      let nearPower = [m - BigInt(1), m, m + BigInt(1)].contains { y in
        y.signum > 0 && y.bitWidth > 8 && (BigInt(1) << (y.bitWidth - 1)) == y
      }
      ctx.classify("next to a power of two", nearPower)
      return x.bitWidth <= 4096
    }
  }

  @Test func bigIntShrinksToTheThreshold() throws {
    let threshold = BigInt(1) << 100
    let failure = try expectFailure {
      try checkProperty("every BigInt is below 2^100", Gen.bigInt(maxBits: 1024), corpus: .disabled) { x in x < threshold }
    }
    #expect(failure.shrunkCounterexample == threshold.description)
  }

  @Test func limbsRoundTripAndPowersOfTwo() throws {
    try checkProperty("limbs round trip", Gen.bigInt(maxBits: 2048), corpus: .disabled) { x in
      Limbs.bigInt(Limbs.of(x), negative: x.signum < 0) == x
    }
    try checkProperty("2^k + d", Gen.zip(Gen.int(in: 0...300), Gen.int(in: -1...1)), corpus: .disabled) { k, d in
      Limbs.bigInt(Limbs.powerOfTwo(k, plus: d), negative: false) == (BigInt(1) << k) + BigInt(d)
    }
  }

  @Test func committedCorpusEntriesAreReplayed() throws {
    // Fixtures/corpus/limbs-round-trip-at-committed-values/ holds hand-written entries at
    // limb boundaries (2^64 and -(2^64 - 1)); they run before the generated cases.
    var seen: [BigInt] = []
    let stats = try checkProperty("limbs round trip at committed values", Gen.bigInt(maxBits: 2048), cases: 10) { x in
      seen.append(x)
      return Limbs.bigInt(Limbs.of(x), negative: x.signum < 0) == x
    }
    let two64 = BigInt(1) << 64
    #expect(stats.corpusEntriesReplayed == 2)
    #expect(Array(seen.prefix(2)) == [two64, -(two64 - BigInt(1))])
  }

  // MARK: Rational

  @Test func rationalsCoverSpecialAndWideValues() throws {
    try checkProperty("rational distribution", Gen.rational(maxBits: 2048), cases: 300,
      cover: ["zero": 0.02, "±1": 0.02, "integer": 0.2, "non-integer": 0.3, "wide": 0.05], corpus: .disabled) { x, ctx in
      ctx.classify("zero", x.isZero)
      ctx.classify("±1", x.magnitude == Rational(1))
      ctx.classify("integer", x.isInteger)
      ctx.classify("non-integer", !x.isInteger)
      ctx.classify("wide", x.denominator.bitWidth > 500 || x.numerator.bitWidth > 500)
      return x.denominator.signum > 0
    }
  }

  @Test func rationalShrinksToSimpleFraction() throws {
    let failure = try expectFailure {
      try checkProperty("no denominator is a multiple of 3", Gen.rational(), corpus: .disabled) { x in
        try !x.denominator.quotientAndRemainder(dividingBy: BigInt(3)).remainder.isZero
      }
    }
    #expect(failure.shrunkCounterexample == Rational(1, 3).description)
  }

  @Test func smallRationalsStayInRange() throws {
    try checkProperty("small rationals", Gen.smallRational(numerators: -5...5, denominators: 1...4), corpus: .disabled) { x in
      x.denominator <= BigInt(4) && (x * Rational(12)).magnitude <= Rational(60)
    }
    let failure = try expectFailure {
      try checkProperty("bad denominators", Gen.smallRational(denominators: 0...3), corpus: .disabled) { _ in true }
    }
    #expect(failure.thrownError?.contains("0...3") == true)
  }

  // MARK: Rational vectors

  @Test func vectorsComeInEveryShape() throws {
    try checkProperty("vector shapes", Gen.rationalEntries(count: 1...8), cases: 300,
      cover: ["zero": 0.04, "sparse": 0.15, "ties": 0.15, "long": 0.3], corpus: .disabled) { v, ctx in
      for shape in VectorShape.shapes(of: v) { ctx.label(shape.rawValue) }
      ctx.classify("long", v.count >= 5)
      return (1...8).contains(v.count)
    }
  }

  @Test func failingVectorShrinksToShortVectorOfSmallIntegers() throws {
    let failure = try expectFailure {
      try checkProperty("every vector's sum is below 10", Gen.rationalEntries(count: 1...8), corpus: .disabled) { v in
        v.reduce(Rational(0), +) < Rational(10)
      }
    }
    #expect(failure.shrunkCounterexample == "[\(Rational(10))]")
  }

  @Test func tiedVectorShrinksToTwoOnes() throws {
    let failure = try expectFailure {
      try checkProperty("no ties in magnitude", Gen.rationalEntries(count: 1...8), corpus: .disabled) { v in
        !hasTiesInMagnitude(v)
      }
    }
    #expect(failure.shrunkCounterexample == "[\(Rational(1)), \(Rational(1))]")
  }

  @Test func squaredNormShrinksToSmallIntegers() throws {
    // |v|^2 >= 50 with two mandatory entries: [0, 8] is first in shortlex order
    // (the first entry 0 beats [1, 7]).
    let failure = try expectFailure {
      try checkProperty("small squared norm", Gen.rationalEntries(count: 2...8), corpus: .disabled) { v in
        v.reduce(Rational(0)) { $0 + $1 * $1 } < Rational(50)
      }
    }
    let shrunk = try #require(failure.shrunkCounterexample)
    #expect(shrunk == "[\(Rational(0)), \(Rational(8))]")
  }

  // MARK: Doubles

  @Test func doublesCoverTheAwkwardValues() throws {
    try checkProperty("double distribution", Gen.ieeeDouble(allowInfinity: true, allowNaN: true), cases: 400,
      cover: ["-0": 0.01, "+0": 0.01, "subnormal": 0.05, "huge": 0.03, "infinite": 0.005, "nan": 0.005,
              "normal": 0.4], corpus: .disabled) { x, ctx in
      ctx.classify("-0", x == 0 && x.sign == .minus)
      ctx.classify("+0", x == 0 && x.sign == .plus)
      ctx.classify("subnormal", x.isSubnormal)
      ctx.classify("huge", x.isFinite && x.magnitude > 1e300)
      ctx.classify("infinite", x.isInfinite)
      ctx.classify("nan", x.isNaN)
      ctx.classify("normal", x.isNormal)
      return true
    }
    try checkProperty("finite by default", Gen.ieeeDouble(), corpus: .disabled) { x in x.isFinite }
  }

  @Test func doubleLayoutDecodesEveryEncodedValue() throws {
    // Any bit pattern, encoded to choices and replayed, comes back bit for bit.
    try checkProperty("double layout round trip", Gen.uint64(in: 0...UInt64.max), cases: 500, corpus: .disabled) { bits in
      let x = Double(bitPattern: bits)
      let source = ChoiceSource(replaying: DoubleLayout.choices(of: x), size: 0)
      let y = try Gen.ieeeDouble(allowInfinity: true, allowNaN: true).generate(source)
      return x.isNaN ? y.isNaN : y.bitPattern == x.bitPattern
    }
  }

  @Test func doubleShrinksToSimplestFailingValue() throws {
    let failure = try expectFailure {
      try checkProperty("every double is below 1.5", Gen.ieeeDouble(), corpus: .disabled) { x in x < 1.5 }
    }
    #expect(failure.shrunkCounterexample == "1.5")
    let subnormal = try expectFailure {
      try checkProperty("no subnormals", Gen.ieeeDouble(), corpus: .disabled) { x in !x.isSubnormal }
    }
    #expect(subnormal.shrunkCounterexample == "\(Double.leastNonzeroMagnitude)")
  }

  @Test func rangedDoublesStayInRange() throws {
    try checkProperty("ranged doubles", Gen.zip(Gen.double(in: -2.5...7), Gen.double(in: 3...4)), corpus: .disabled) { a, b in
      (-2.5...7).contains(a) && (3...4).contains(b)
    }
    let failure = try expectFailure {
      try checkProperty("below 1", Gen.double(in: -10...10), corpus: .disabled) { x in x < 1 }
    }
    #expect(failure.shrunkCounterexample == "1.0")
  }
}
