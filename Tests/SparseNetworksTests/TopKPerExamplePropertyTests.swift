import PropertyTesting
import Testing
@testable import SparseNetworks

/// The per-example float selection (the specialised heap of `TopK.perExample`) against the
/// full-sort reference, on rows built to stress a selection algorithm: few distinct values
/// (ties), sorted and reversed rows, constant rows, signed zeros, infinities and NaN.
@Suite struct TopKPerExamplePropertyTests {
  /// One entry drawn from a small pool, so that ties in magnitude are common.
  static var entry: Gen<Float> { Gen.frequency(
    (8, Gen.int(in: -4...4).map { Float($0) }),
    (2, Gen.int(in: -1_000_000...1_000_000).map { Float($0) / 1024 }),
    (1, Gen.element(of: [Float.nan, .infinity, -.infinity, -0.0, .leastNonzeroMagnitude])))
  }

  /// How a generated row is rearranged before selection.
  enum Shape: CaseIterable { case asDrawn, ascending, descending, constant }

  static var cases: Gen<([Float], Shape, Int)> {
    Gen.zip(
    entry.array(count: 1...600), Gen.element(of: Shape.allCases), Gen.int(in: 0...640)
  ).map { row, shape, k in
    var r = row
    switch shape {
    case .asDrawn: break
    case .ascending: r.sort { TopK.magnitude($0) < TopK.magnitude($1) }
    case .descending: r.sort { TopK.magnitude($0) > TopK.magnitude($1) }
    case .constant: r = Array(repeating: r[0], count: r.count)
    }
    return (r, shape, k % (r.count + 2))
  }
  }

  @Test func perExampleEqualsFullSortReference() throws {
    try forAll("per-example top-k == full-sort reference", Self.cases, cases: 400) { row, _, k in
      let v = try Matrix([row])
      return TopK.perExample(v, k: k)[0] == referenceTopK(row.map(TopK.magnitude), k: k)
    }
  }

  /// Several rows in one call: each row's selection is independent of its neighbours
  /// (the scratch buffers are reused across rows).
  @Test func rowsAreIndependent() throws {
    try forAll("rows of one batch select independently",
      Gen.zip(Self.entry.array(count: 12), Self.entry.array(count: 12), Gen.int(in: 1...11))) { a, b, k in
      let both = try Matrix([a, b])
      let sets = TopK.perExample(both, k: k)
      let alone = (TopK.perExample(try Matrix([a]), k: k)[0], TopK.perExample(try Matrix([b]), k: k)[0])
      return sets[0] == alone.0 && sets[1] == alone.1
    }
  }
}
