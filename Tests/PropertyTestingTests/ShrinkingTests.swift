import Testing

@testable import PropertyTesting

/// The engine must find counterexamples of false properties and shrink them to the known
/// minimum, through every combinator.
@Suite struct ShrinkingTests {
  @Test func everyIntegerBelow1000ShrinksTo1000() throws {
    let corpus = try temporaryCorpus()
    let failure = try expectFailure {
      try checkProperty("every integer is below 1000", Gen.int(in: -1_000_000...1_000_000),
        corpus: .directory(corpus)) { x in x < 1000 }
    }
    #expect(failure.kind == .counterexample)
    #expect(failure.shrunkCounterexample == "1000")
    #expect(failure.shrunkChoices == [0, 1000])
  }

  @Test func negativeThresholdShrinksTowardsZero() throws {
    let failure = try expectFailure {
      try checkProperty("every integer is above -1000", Gen.int(in: -1_000_000...1_000_000),
        corpus: .disabled) { x in x > -1000 }
    }
    #expect(failure.shrunkCounterexample == "-1000")
  }

  @Test func fullIntRangeDoesNotTrapAndShrinks() throws {
    let failure = try expectFailure {
      try checkProperty("every Int is below 2^40", Gen.int(in: Int.min...Int.max), corpus: .disabled) {
        x in x < 1 << 40
      }
    }
    #expect(failure.shrunkCounterexample == String(1 << 40))
  }

  @Test func everyVectorSumBelow10ShrinksToSingleElement10() throws {
    let failure = try expectFailure {
      try checkProperty("every vector's sum is below 10", Gen.int(in: -100...100).array(),
        corpus: .disabled) { v in v.reduce(0, +) < 10 }
    }
    #expect(failure.shrunkCounterexample == "[10]")
  }

  @Test func shrinkingComposesThroughMapAndFilter() throws {
    let evens = Gen.int(in: 0...1_000_000).filter { $0 % 2 == 0 }.map { $0 * 3 }
    let failure = try expectFailure {
      try checkProperty("multiples of 6 are below 3000", evens, corpus: .disabled) { x in x < 3000 }
    }
    #expect(failure.shrunkCounterexample == "3000")
  }

  @Test func shrinkingComposesThroughFlatMap() throws {
    // A length first, then that many elements: the dependent shape shrinks too.
    let gen = Gen.int(in: 1...20).flatMap { n in Gen.int(in: 0...50).array(count: n) }
    let failure = try expectFailure {
      try checkProperty("long or heavy lists are rare", gen, corpus: .disabled) { v in
        v.count < 3 || v.reduce(0, +) < 7
      }
    }
    #expect(failure.shrunkCounterexample == "[0, 0, 7]")
  }

  @Test func pairsShrinkIndependently() throws {
    let failure = try expectFailure {
      try checkProperty("a < 10 or b < 20",
        Gen.zip(Gen.int(in: 0...1000), Gen.int(in: 0...1000)), corpus: .disabled) { a, b in
        a < 10 || b < 20
      }
    }
    #expect(failure.shrunkCounterexample == "(10, 20)")
  }

  @Test func oneOfShrinksTowardsFirstAlternative() throws {
    let gen = Gen.oneOf(Gen.int(in: 0...100), Gen.int(in: 1000...2000))
    let failure = try expectFailure {
      try checkProperty("everything is below 50", gen, corpus: .disabled) { x in x < 50 }
    }
    #expect(failure.shrunkCounterexample == "50")
  }

  @Test func tiesShrinkTogether() throws {
    // Fails only when two elements are equal and nonzero: needs both lowered at once.
    let failure = try expectFailure {
      try checkProperty("no nonzero ties", Gen.int(in: 0...5).array(count: 2...6), corpus: .disabled) { v in
        !(v.count >= 2 && v[0] == v[1] && v[0] != 0)
      }
    }
    #expect(failure.shrunkCounterexample == "[1, 1]")
  }

  @Test func thrownErrorCountsAsFailureAndIsReported() throws {
    struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
    let failure = try expectFailure {
      try checkProperty("never throws", Gen.int(in: 0...100), corpus: .disabled) { x in
        if x >= 17 { throw Boom() }
        return true
      }
    }
    #expect(failure.shrunkCounterexample == "17")
    #expect(failure.thrownError == "boom")
    #expect(failure.description.contains("error thrown: boom"))
  }

  @Test func shrinkBudgetIsRespectedAndReported() throws {
    var runs = 0
    let failure = try expectFailure {
      try checkProperty("budgeted", Gen.int(in: 0...1_000_000_000), seed: 3, shrinkLimit: 5, corpus: .disabled) { x in
        runs += 1
        return x < 10
      }
    }
    #expect(runs == failure.casesPassed + 1 + 5)  // the cases, the failure, 5 shrink runs
    #expect(failure.description.contains("shrinking stopped at its budget"))
    let unshrunk = try expectFailure {
      try checkProperty("no shrinking", Gen.int(in: 0...1_000_000_000), seed: 3, shrinkLimit: 0, corpus: .disabled) { x in x < 10 }
    }
    #expect(unshrunk.shrunkCounterexample == unshrunk.originalCounterexample)
  }
}
