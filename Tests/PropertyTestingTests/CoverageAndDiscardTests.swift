import Testing

@testable import PropertyTesting

/// Coverage requirements and the discard limit must be able to fail.
@Suite struct CoverageAndDiscardTests {
  @Test func unmetCoverageRequirementFails() throws {
    let failure = try expectFailure {
      try checkProperty("never covered", Gen.int(in: 0...100), cover: ["above 200": 0.2], corpus: .disabled) { x, ctx in
        ctx.classify("above 200", x > 200)
        return true
      }
    }
    #expect(failure.kind == .insufficientCoverage)
    #expect(failure.description.contains("above 200: 0/"))
    #expect(failure.description.contains("TOO LOW"))
  }

  @Test func rareClassFailsItsCoverage() throws {
    // About 1% of cases are classified, but 30% are demanded.
    let failure = try expectFailure {
      try checkProperty("rare class", Gen.int(in: 0...99), seed: 5, cover: ["zero": 0.3], corpus: .disabled) { x, ctx in
        ctx.classify("zero", x == 0)
        return true
      }
    }
    #expect(failure.kind == .insufficientCoverage)
  }

  @Test func metCoverageRequirementPassesWithStatistics() throws {
    let stats = try checkProperty("even numbers are common", Gen.int(in: 0...1_000_000), cover: ["even": 0.3],
      corpus: .disabled) { x, ctx in
      ctx.classify("even", x % 2 == 0)
      return true
    }
    #expect(stats.share(of: "even") > 0.3)
    #expect(stats.description.contains("% even"))
  }

  @Test func coverageShareOutOfRangeIsAConfigurationError() throws {
    let failure = try expectFailure {
      try checkProperty("bad cover", Gen.int(in: 0...1), cover: ["x": 1.5], corpus: .disabled) { _, _ in true }
    }
    #expect(failure.kind == .configuration)
  }

  @Test func filterBeyondDiscardLimitFails() throws {
    var runs = 0
    let failure = try expectFailure {
      // A fixed environment: the exact counts below must not depend on PROPERTY_SCALE.
      try runProperty("impossible filter", Gen.int(in: 0...100).filter { $0 > 1000 }, cases: 20,
        corpus: .disabled, environment: PropertyEnvironment()) { _, _ in
        runs += 1
        return true
      }
    }
    #expect(failure.kind == .tooManyDiscards)
    #expect(failure.casesDiscarded == 201)  // maxDiscardRatio 10 × 20 cases, plus the one over
    #expect(runs == 0)
    #expect(failure.description.contains("gave up"))
  }

  @Test func assumeDiscardsAndTooManyAssumptionsFail() throws {
    let failure = try expectFailure {
      try checkProperty("mostly assumed away", Gen.int(in: 0...1000), cases: 50, maxDiscardRatio: 2,
        corpus: .disabled) { x, ctx in
        try ctx.assume(x == 7, "x must be 7")
        return true
      }
    }
    #expect(failure.kind == .tooManyDiscards)
    #expect(failure.description.contains("x must be 7"))
  }

  @Test func someDiscardsAreFine() throws {
    let stats = try runProperty("half assumed away", Gen.int(in: 0...1000), cases: 50, corpus: .disabled,
      environment: PropertyEnvironment()) { x, ctx in
      try ctx.assume(x % 2 == 0)
      return x % 2 == 0
    }
    #expect(stats.casesPassed == 50)
    #expect(stats.casesDiscarded > 0)
  }

  @Test func notesOfTheShrunkCaseAreReported() throws {
    let failure = try expectFailure {
      try checkProperty("squares stay small", Gen.int(in: 0...1000), corpus: .disabled) { x, ctx in
        ctx.note("square = \(x * x)")
        return x * x < 100
      }
    }
    #expect(failure.shrunkCounterexample == "10")
    #expect(failure.notes == ["square = 100"])
  }
}
