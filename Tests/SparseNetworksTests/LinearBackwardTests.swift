import Testing
import SparseNetworks

@Suite struct LinearBackwardTests {
  /// A 9 -> 12 layer with a batch of 5.
  func fixture(seed: UInt64) throws -> (Linear, Matrix, Matrix) {
    var rng = SeededGenerator(seed: seed)
    let layer = try Linear(inputSize: 9, outputSize: 12, using: &rng)
    return (layer, randomMatrix(5, 9, seed: seed + 1), randomMatrix(5, 12, seed: seed + 2))
  }

  @Test func denseMatchesTheChainRule() throws {
    let (layer, x, dh) = try fixture(seed: 1)
    let g = try layer.backward(dh, input: x, mode: .dense)
    #expect(maxDifference(g.weight, referenceTransposeTimes(dh, x)) < 1e-5)
    #expect(maxDifference(g.input!, referenceTimes(dh, layer.weight)) < 1e-5)
    for j in 0..<12 {
      let s = (0..<5).reduce(0.0) { $0 + Double(dh[$1, j]) }
      #expect(abs(Double(g.bias[j]) - s) < 1e-5)
    }
    #expect(g.selected == nil && g.memory == nil)
  }

  @Test(arguments: Selection.allCases)
  func sparseKernelsEqualDenseProductsOfTheMaskedGradient(selection: Selection) throws {
    let (layer, x, dh) = try fixture(seed: 2)
    let k = 4
    let g = try layer.backward(dh, input: x, mode: .sbp(k: k, selection: selection))
    // Build the masked gradient independently from the reference selection.
    var masked = Matrix(rows: 5, columns: 12)
    var sums = [Float](repeating: 0, count: 12)
    for b in 0..<5 { for j in 0..<12 { sums[j] += abs(dh[b, j]) } }
    for b in 0..<5 {
      let set = selection == .perExample
        ? referenceTopK(dh.row(b).map { abs($0) }, k: k) : referenceTopK(sums, k: k)
      for j in set { masked[b, j] = dh[b, j] }
    }
    #expect(g.estimate == masked)
    #expect(maxDifference(g.weight, referenceTransposeTimes(masked, x)) < 1e-5)
    #expect(maxDifference(g.input!, referenceTimes(masked, layer.weight)) < 1e-5)
    // Each example propagates exactly k units.
    for b in 0..<5 { #expect(masked.row(b).filter { $0 != 0 }.count == k) }
  }

  @Test(arguments: Selection.allCases)
  func gammaZeroIsSBPExactly(selection: Selection) throws {
    let (sbpLayer, x, _) = try fixture(seed: 3)
    let (msbpLayer, _, _) = try fixture(seed: 3)
    for step in 0..<4 as Range<UInt64> {
      let dh = randomMatrix(5, 12, seed: 100 + step)
      let a = try sbpLayer.backward(dh, input: x, mode: .sbp(k: 3, selection: selection))
      let b = try msbpLayer.backward(dh, input: x, mode: .msbp(k: 3, gamma: 0, selection: selection))
      msbpLayer.commitMemory(b)
      #expect(a.weight == b.weight)
      #expect(a.bias == b.bias)
      #expect(a.input == b.input)
      #expect(a.selected == b.selected)
      #expect(b.memory!.storage.allSatisfy { $0 == 0 })
    }
  }

  @Test(arguments: Selection.allCases)
  func fullKIsDenseExactly(selection: Selection) throws {
    let (layer, x, _) = try fixture(seed: 4)
    for step in 0..<3 as Range<UInt64> {
      let dh = randomMatrix(5, 12, seed: 200 + step)
      let dense = try layer.backward(dh, input: x, mode: .dense)
      for mode in [BackwardMode.sbp(k: 12, selection: selection), .msbp(k: 12, gamma: 0.8, selection: selection)] {
        let sparse = try layer.backward(dh, input: x, mode: mode)
        layer.commitMemory(sparse)
        #expect(sparse.weight == dense.weight)
        #expect(sparse.bias == dense.bias)
        #expect(sparse.input == dense.input)
        #expect(sparse.selected == .all)
      }
      // Nothing is left unpropagated, so the memory stays zero.
      #expect(layer.memory!.storage.allSatisfy { $0 == 0 })
    }
  }

  /// Algorithm 2 traced by hand on one example: B = 1, m = 3, k = 1, gamma = 1/2.
  @Test func memoryFollowsAlgorithm2() throws {
    let layer = try Linear(weight: try Matrix([[1, 0], [0, 1], [1, 1]]), bias: [0, 0, 0])
    let x = try Matrix([[2, 3]])
    let mode = BackwardMode.msbp(k: 1, gamma: 0.5)
    // Step 1: v = dh = (3, -2, 1); g = (3, 0, 0); m = 0.5 (0, -2, 1) = (0, -1, 0.5).
    let s1 = try layer.backward(try Matrix([[3, -2, 1]]), input: x, mode: mode)
    #expect(s1.estimate == (try Matrix([[3, 0, 0]])))
    #expect(s1.memory == (try Matrix([[0, -1, 0.5]])))
    #expect(s1.weight == (try Matrix([[6, 9], [0, 0], [0, 0]])))
    #expect(s1.input == (try Matrix([[3, 0]])))
    layer.commitMemory(s1)
    // Step 2: dh = (0.25, -2.5, 0.25); v = (0.25, -3.5, 0.75); g = (0, -3.5, 0);
    // m = 0.5 (0.25, 0, 0.75) = (0.125, 0, 0.375).
    let s2 = try layer.backward(try Matrix([[0.25, -2.5, 0.25]]), input: x, mode: mode)
    #expect(s2.estimate == (try Matrix([[0, -3.5, 0]])))
    #expect(s2.memory == (try Matrix([[0.125, 0, 0.375]])))
    #expect(s2.weight == (try Matrix([[0, 0], [-7, -10.5], [0, 0]])))
    #expect(s2.input == (try Matrix([[0, -3.5]])))
    #expect(s2.bias == [0, -3.5, 0])
  }

  @Test func backwardDoesNotChangeStateUntilCommitted() throws {
    let (layer, x, dh) = try fixture(seed: 5)
    let mode = BackwardMode.msbp(k: 2, gamma: 0.8)
    let first = try layer.backward(dh, input: x, mode: mode)
    layer.commitMemory(first)
    let snapshot = layer.memory
    let a = try layer.backward(dh, input: x, mode: mode)
    let dense = try layer.backward(dh, input: x, mode: .dense)
    let b = try layer.backward(dh, input: x, mode: mode)
    #expect(layer.memory == snapshot)
    #expect(a.weight == b.weight && a.memory == b.memory)
    #expect(dense.weight != a.weight)
    // Snapshot and restore.
    layer.commitMemory(a)
    try layer.setMemory(snapshot)
    let c = try layer.backward(dh, input: x, mode: mode)
    #expect(c.weight == a.weight)
  }

  @Test func smallerLastBatchUsesTheFirstMemoryRows() throws {
    let (layer, x, dh) = try fixture(seed: 6)
    let mode = BackwardMode.msbp(k: 2, gamma: 0.5)
    let full = try layer.backward(dh, input: x, mode: mode)
    layer.commitMemory(full)
    let before = layer.memory!
    let small = try layer.backward(dh.firstRows(2), input: x.firstRows(2), mode: mode)
    let after = small.memory!
    #expect(after.rows == 5)
    // Rows 2..<5 untouched; rows 0..<2 follow m' = gamma (dh + m - g).
    for b in 2..<5 { #expect(after.row(b) == before.row(b)) }
    for b in 0..<2 {
      for j in 0..<12 {
        let v = dh[b, j] + before[b, j]
        #expect(after[b, j] == 0.5 * (v - small.estimate[b, j]))
      }
    }
  }

  @Test func denseBiasOption() throws {
    let (layer, x, dh) = try fixture(seed: 7)
    let g = try layer.backward(dh, input: x, mode: .sbp(k: 2), biasGradient: .dense)
    let d = try layer.backward(dh, input: x, mode: .dense)
    #expect(g.bias == d.bias)
    let e = try layer.backward(dh, input: x, mode: .sbp(k: 2))
    for j in 0..<12 {
      let s = (0..<5).reduce(Float(0)) { $0 + e.estimate[$1, j] }
      #expect(e.bias[j] == s)
    }
  }

  @Test func badArgumentsThrow() throws {
    let (layer, x, dh) = try fixture(seed: 8)
    #expect(throws: ConfigurationError.self) { try layer.backward(dh, input: x, mode: .sbp(k: 0)) }
    #expect(throws: ConfigurationError.self) { try layer.backward(dh, input: x, mode: .msbp(k: 2, gamma: 1)) }
    #expect(throws: ShapeError.self) { try layer.backward(dh, input: randomMatrix(5, 8, seed: 1), mode: .dense) }
    #expect(throws: ShapeError.self) { try layer.forward(randomMatrix(5, 8, seed: 1)) }
  }
}
