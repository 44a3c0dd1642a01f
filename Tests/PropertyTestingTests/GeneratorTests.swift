import Testing

@testable import PropertyTesting

/// Generators produce values within their contracts, and the PRNGs are the published ones.
@Suite struct GeneratorTests {
  @Test func splitMix64MatchesReferenceOutput() {
    // First outputs of the reference SplitMix64 (Vigna's splitmix64.c) from seed 0.
    var rng = SplitMix64(seed: 0)
    #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test func xoshiroIsDeterministicAndSpread() {
    var a = Xoshiro256StarStar(seed: 1), b = Xoshiro256StarStar(seed: 1), c = Xoshiro256StarStar(seed: 2)
    let xs = (0..<1000).map { _ in a.next() }
    #expect(xs == (0..<1000).map { _ in b.next() })
    #expect(xs != (0..<1000).map { _ in c.next() })
    // Every bit position is set in roughly half of the outputs.
    for bit in 0..<64 {
      let ones = xs.filter { ($0 >> UInt64(bit)) & 1 == 1 }.count
      #expect((400...600).contains(ones), "bit \(bit): \(ones)")
    }
  }

  @Test func integersStayInRangeAndHitTheEdges() throws {
    var seen = Set<Int>()
    try checkProperty("ints in range", Gen.int(in: -3...5), cases: 300, corpus: .disabled) { x in
      seen.insert(x)
      return (-3...5).contains(x)
    }
    #expect(seen == Set(-3...5))
    try checkProperty("extreme ranges", Gen.zip(Gen.int(in: Int.min...0), Gen.int(in: 0...Int.max)),
      corpus: .disabled) { a, b in a <= 0 && b >= 0 }
  }

  @Test func emptyRangeIsAClearError() throws {
    let failure = try expectFailure {
      try checkProperty("empty", Gen.int(in: 5..<5), corpus: .disabled) { _ in true }
    }
    #expect(failure.thrownError?.contains("5..<5") == true)
  }

  @Test func arraysRespectTheirCountAndGrowWithSize() throws {
    var longest = 0
    try checkProperty("counts", Gen.int(in: 0...9).array(count: 2...4), corpus: .disabled) { v in (2...4).contains(v.count) }
    try checkProperty("sized", Gen.int(in: 0...9).array(), cases: 200, corpus: .disabled) { v in
      longest = max(longest, v.count)
      return v.count <= maxPropertySize
    }
    #expect(longest > 20)
  }

  @Test func frequencyFollowsWeights() throws {
    let gen = Gen.frequency((1, Gen.constant(0)), (9, Gen.constant(1)))
    let stats = try checkProperty("weights", gen, cases: 1000, corpus: .disabled) { x, ctx in
      ctx.classify("one", x == 1)
      return true
    }
    #expect((0.8...0.97).contains(stats.share(of: "one")))
  }

  @Test func sizedAndResized() throws {
    try checkProperty("resized", Gen.int.resized(3), corpus: .disabled) { x in (-3...3).contains(x) }
    try checkProperty("sized", Gen.sized { n in Gen.constant(n) }, cases: 101, corpus: .disabled) { n in
      (0...maxPropertySize).contains(n)
    }
  }
}
