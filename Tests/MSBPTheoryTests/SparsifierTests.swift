import ExactArithmetic
import Foundation
import MSBPTestSupport
import PropertyTesting
import Testing
@testable import MSBPTheory

/// A reversed tie-break (among equal magnitudes, larger index first): a second
/// top_k used to show that the tie rule does not matter for Definition 3.
struct ReversedTieTopK: SparsifyingFunction {
  var name: String { "top_k (reversed ties)" }
  func selectedIndices(of v: [Rational], k: Int) throws -> [Int] {
    let m = v.map { $0.magnitude }
    return v.indices.sorted { m[$0] != m[$1] ? m[$0] > m[$1] : $0 > $1 }.prefix(k).sorted()
  }
}

@Suite struct TopKTests {
  @Test func tieBreakingKeepsTheSmallerIndex() throws {
    #expect(try TopK().selectedIndices(of: vec(3, -3, 1, 3), k: 2) == [0, 1])
    #expect(try topK(vec(0, 2, -2, 1), k: 1) == vec(0, 2, 0, 0))
    #expect(try topK(vec(1, 2), k: 0) == vec(0, 0))
    #expect(throws: TheoryError.outOfRange(what: "k", value: "3", allowed: "[0, 2]")) { try topK(vec(1, 2), k: 3) }
  }

  @Test func topKIsASparsifyingFunction() throws {
    let gen = TheoryGen.intVector(count: 1...7, entries: -3...3).flatMap { v in
      Gen.int(in: 0...v.count).map { (v, $0) }
    }
    try forAll("top_k satisfies Definition 3", gen, cases: 300,
               cover: ["ties among kept/dropped": 0.08, "zero vector": 0.01, "k = 0": 0.05, "k = n": 0.05, "regular": 0.5]) { input, ctx in
      let (v, k) = input
      let report = try checkTopKBound(v, k: k)
      let m = v.map { $0.magnitude }.sorted(by: >)
      ctx.classify("ties among kept/dropped", k > 0 && k < v.count && m[k - 1] == m[k])
      ctx.classify("zero vector", report.settledCase == .zeroInput)
      ctx.classify("k = 0", k == 0)
      ctx.classify("k = n", k == v.count)
      ctx.classify("regular", report.settledCase == .regular)
      // The angle form and the energy form agree whenever the angle exists.
      if let angle = report.angle {
        guard (QuadraticAngle.compare(angle, report.bound) <= 0) == report.holds else { return false }
      }
      // A different tie-break gives the same kept energy (so the same verdict).
      let other = try checkDefinition3(ReversedTieTopK(), on: v, k: k)
      return report.holds && report.hasDefinitionForm && other.keptEnergyShare == report.keptEnergyShare
    }
  }

  /// Definition 3 for top_k on wide rationals (up to 256-bit numerators and denominators,
  /// with zeros, ±1, ties and sparse vectors favoured by the shared generator): the exact
  /// decision does not depend on small integer entries.
  @Test func topKIsASparsifyingFunctionOnWideRationals() throws {
    let gen = Gen<[Rational]>.rationalEntries(count: 1...9, maxBits: 256).flatMap { v in
      Gen.int(in: 0...v.count).map { (v, $0) }
    }
    try forAll("top_k satisfies Definition 3 on wide rationals", gen, cases: 150,
               cover: ["non-integer entries": 0.3, "regular": 0.4]) { input, ctx in
      let (v, k) = input
      let report = try checkTopKBound(v, k: k)
      ctx.classify("non-integer entries", v.contains { $0.denominator != BigInt(1) })
      ctx.classify("regular", report.settledCase == .regular)
      return report.holds && report.hasDefinitionForm
    }
  }

  @Test func topKBoundHoldsExhaustivelyOnSmallVectors() throws {
    var checked = 0
    for n in 1...3 {
      var v = [Int](repeating: -2, count: n)
      while true {
        let rv = v.map { Rational($0) }
        for k in 0...n {
          let report = try checkTopKBound(rv, k: k)
          #expect(report.holds, "top_k violates Definition 3 at v = \(v), k = \(k)")
          checked += 1
        }
        var i = 0
        while i < n && v[i] == 2 { v[i] = -2; i += 1 }
        if i == n { break }
        v[i] += 1
      }
    }
    #expect(checked == 5 * 2 + 25 * 3 + 125 * 4)
  }

  @Test func degenerateCasesAreSettledAsDocumented() throws {
    let zero = try checkTopKBound(vec(0, 0, 0), k: 2)
    #expect(zero.settledCase == .zeroInput && zero.holds)
    let none = try checkTopKBound(vec(1, -2, 0), k: 0)
    #expect(none.settledCase == .zeroOutput && none.holds)
    let all = try checkTopKBound(vec(1, -2, 0), k: 3)
    #expect(all.settledCase == .regular && all.holds && all.angle?.cosine == SurdSum.one)
    #expect(throws: TheoryError.self) { try checkTopKBound([], k: 0) }
  }
}

/// Reads a JSON fixture under Fixtures/theory/.
func fixture(_ name: String) throws -> [String: Any] {
  let url = URL(fileURLWithPath: repositoryRoot()).appendingPathComponent("Fixtures/theory/\(name)")
  let data = try Data(contentsOf: url)
  return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
}

func ints(_ any: Any?) -> [Int] { (any as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.intValue } }

@Suite struct RandomKTests {
  /// The first seed (from 0) at which random_1 on (1, 0) keeps the zero entry.
  static func firstViolatingSeed() throws -> UInt64 {
    var seed: UInt64 = 0
    while try RandomK(seed: seed).selectedIndices(of: vec(1, 0), k: 1) != [1] { seed += 1 }
    return seed
  }

  @Test func randomKViolatesDefinition3() throws {
    let f = try fixture("random-k-violation.json")
    let v = ints(f["v"]).map { Rational($0) }
    let k = try #require((f["k"] as? NSNumber)?.intValue)
    let seed = try #require((f["seed"] as? NSNumber)?.uint64Value)
    let report = try checkDefinition3(RandomK(seed: seed), on: v, k: k)
    #expect(!report.holds)
    #expect(report.settledCase == .zeroOutput)
    #expect(report.keptEnergyShare == Rational(0))
    // The fixture is the smallest: n = 2 is the least n with 0 < k < n, and this is the first seed.
    #expect(try Self.firstViolatingSeed() == seed)
  }

  @Test func randomKIsReproducibleAndUniformOnAverage() throws {
    #expect(try RandomK(seed: 9).selectedIndices(of: vec(1, 2, 3, 4, 5), k: 2)
      == RandomK(seed: 9).selectedIndices(of: vec(5, 4, 3, 2, 1), k: 2))
    var counts = [0, 0, 0, 0]
    for seed in 0..<400 { for i in try RandomK(seed: UInt64(seed)).selectedIndices(of: vec(1, 1, 1, 1), k: 1) { counts[i] += 1 } }
    #expect(counts.allSatisfy { $0 > 60 })
  }
}

@Suite struct UnifiedTopKTests {
  /// Smallest 2×2 batch (by max entry, then sum, then row-major order) with
  /// entries 0...3 where unified top-1 violates Definition 3 on vec(G);
  /// `distinctSums` restricts to batches whose column sums differ (no tie rule involved).
  static func smallestViolation(distinctSums: Bool) throws -> [[Int]]? {
    var candidates: [[Int]] = []
    for a in 0...3 { for b in 0...3 { for c in 0...3 { for d in 0...3 { candidates.append([a, b, c, d]) } } } }
    candidates.sort { x, y in
      let kx = (x.max()!, x.reduce(0, +))
      let ky = (y.max()!, y.reduce(0, +))
      return kx != ky ? kx < ky : x.lexicographicallyPrecedes(y)
    }
    let s = try UnifiedTopK(batchSize: 2)
    for e in candidates {
      if distinctSums && e[0] + e[2] == e[1] + e[3] { continue }
      let report = try checkDefinition3(s, on: e.map { Rational($0) }, k: 2)
      if !report.holds { return [[e[0], e[1]], [e[2], e[3]]] }
    }
    return nil
  }

  @Test func unifiedTopKViolatesDefinition3() throws {
    let f = try fixture("unified-top-k-violation.json")
    for key in ["smallest", "smallestWithoutTies"] {
      let entry = try #require(f[key] as? [String: Any])
      let rows = (entry["batch"] as? [[Any]] ?? []).map { ints($0) }
      let flat = rows.flatMap { $0 }.map { Rational($0) }
      let report = try checkDefinition3(try UnifiedTopK(batchSize: rows.count), on: flat, k: rows.count)
      #expect(!report.holds, "\(key) is not a violation")
      let share = ints(entry["keptShare"])
      #expect(report.keptEnergyShare == Rational(share[0], share[1]))
      #expect(try Self.smallestViolation(distinctSums: key == "smallestWithoutTies") == rows.map { $0 })
    }
  }

  @Test func unifiedTopKWithOneExampleIsTopK() throws {
    try forAll("unified top-k of a batch of one is top_k", TheoryGen.intVector(count: 1...6).flatMap { v in
      Gen.int(in: 0...v.count).map { (v, $0) }
    }) { input in
      let (v, k) = input
      return try UnifiedTopK(batchSize: 1).apply(to: v, k: k) == topK(v, k: k)
    }
  }

  @Test func badBatchShapesAreRejected() throws {
    #expect(throws: TheoryError.self) { try UnifiedTopK(batchSize: 0) }
    #expect(throws: TheoryError.self) { try UnifiedTopK(batchSize: 2).selectedIndices(of: vec(1, 2, 3), k: 2) }
    #expect(throws: TheoryError.self) { try UnifiedTopK(batchSize: 2).selectedIndices(of: vec(1, 2, 3, 4), k: 1) }
  }
}
