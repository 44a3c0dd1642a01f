import Testing
import SparseNetworks

@Suite struct TopKTests {
  @Test(arguments: [0, 1, 3, 7, 12, 13, 20])
  func selectionMatchesFullSortWithTies(k: Int) {
    // Keys drawn from a few values, so most comparisons are ties.
    for seed in 0..<20 as Range<UInt64> {
      let row = tiedMatrix(1, 13, range: 2, seed: seed).row(0).map { abs($0) }
      let got = TopK.select(count: row.count, k: k) { row[$0] }
      #expect(got == referenceTopK(row, k: min(k, row.count)))
    }
  }

  @Test func tiesGoToTheLowerIndex() {
    let row: [Float] = [1, -1, 1, -1, 0.5]
    let m = try! Matrix([row])
    #expect(TopK.perExample(m, k: 2) == [[0, 1]])
    #expect(TopK.perExample(m, k: 3) == [[0, 1, 2]])
    let reversed = try! Matrix([[0.5, -1, 1, -1, 1]])
    #expect(TopK.perExample(reversed, k: 2) == [[1, 2]])
  }

  @Test func perExampleSelectsEachRowByMagnitude() {
    let v = tiedMatrix(6, 30, range: 5, seed: 4)
    let sets = TopK.perExample(v, k: 4)
    for b in 0..<v.rows {
      #expect(sets[b] == referenceTopK(v.row(b).map { abs($0) }, k: 4))
    }
  }

  @Test func unifiedUsesColumnSumsOfMagnitudes() {
    let v = tiedMatrix(5, 17, range: 3, seed: 8)
    var sums = [Float](repeating: 0, count: 17)
    for b in 0..<5 { for j in 0..<17 { sums[j] += abs(v[b, j]) } }
    #expect(TopK.unified(v, k: 6) == referenceTopK(sums, k: 6))
  }

  @Test func nanRanksFirst() {
    let v = try! Matrix([[3, .nan, -5, 1]])
    #expect(TopK.perExample(v, k: 1) == [[1]])
    #expect(TopK.perExample(v, k: 2) == [[1, 2]])
  }

  @Test func genericSelectionWorksOverOtherComparableKeys() {
    let keys = [3, 9, 9, 1, 9, 4]
    #expect(TopK.select(count: keys.count, k: 2) { keys[$0] } == [1, 2])
    #expect(TopK.select(count: keys.count, k: 4) { keys[$0] } == [1, 2, 4, 5])
  }
}

@Suite struct TopKFloatPathTests {
  /// The float fast path used by the layers agrees with the generic selection (shared by
  /// the exact twin) on heavily tied data, for every k.
  @Test func perExampleAgreesWithGenericSelection() {
    let v = tiedMatrix(4, 11, range: 2, seed: 31)
    for k in 0...12 {
      let fast = TopK.perExample(v, k: k)
      for b in 0..<4 {
        let row = v.row(b)
        #expect(fast[b] == TopK.select(count: 11, k: k) { TopK.magnitude(row[$0]) }, "k=\(k) row \(b)")
      }
    }
  }
}
