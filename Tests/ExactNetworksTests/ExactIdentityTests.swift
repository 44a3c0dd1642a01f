import ExactArithmetic
import ExactNetworks
import PropertyTesting
import SparseNetworks
import Testing

/// Identities the twin must satisfy with rational equality (no tolerance anywhere), and the
/// twin's layer against Algorithms 1-2 written out independently.
@Suite struct ExactIdentityTests {
  /// Trains two copies of the scenario's exact network side by side, with modes `a` and
  /// `b`, and checks at every step that `check(gradients a, gradients b)` holds; finally
  /// that the trajectories ended at the same weights.
  func sideBySide(
    _ scenario: TwinScenario, _ a: ExactBackwardOptions, _ b: ExactBackwardOptions,
    check: (ExactGradients, ExactGradients) -> Bool
  ) throws -> Bool {
    let netA = try scenario.exactNetwork(), netB = try scenario.exactNetwork()
    let sgd = try ExactSGD(learningRate: scenario.exactLearningRate)
    for batch in try scenario.exactBatches() {
      let ga = try netA.backward(netA.forward(batch.inputs), targets: batch.targets, options: a)
      let gb = try netB.backward(netB.forward(batch.inputs), targets: batch.targets, options: b)
      guard check(ga, gb) else { return false }
      netA.commitMemory(ga); try sgd.step(netA, ga)
      netB.commitMemory(gb); try sgd.step(netB, gb)
    }
    return netA.flattenedParameters == netB.flattenedParameters
  }

  static func sameProducts(_ x: ExactLinearGradient, _ y: ExactLinearGradient) -> Bool {
    x.weight == y.weight && x.bias == y.bias && x.input == y.input && x.estimate == y.estimate
  }

  static func memoryIsZero(_ g: ExactLinearGradient) -> Bool {
    g.memory.map { $0.storage.allSatisfy(\.isZero) } ?? true
  }

  /// MSBP with `gamma = 0` is SBP, exactly: same selections, same estimates at every step,
  /// a memory that stays zero, the same trajectory.
  @Test func gammaZeroIsSBP() throws {
    try forAll("msbp with gamma 0 equals sbp exactly", scenarioGen(modes: ["sbp"])) { scenario in
      guard case .sbp(let k, let selection) = scenario.mode else { return false }
      return try sideBySide(
        scenario,
        ExactBackwardOptions(mode: .msbp(k: k, gamma: .zero, selection: selection), biasGradient: scenario.biasGradient),
        ExactBackwardOptions(mode: .sbp(k: k, selection: selection), biasGradient: scenario.biasGradient)
      ) { msbp, sbp in
        zip(msbp.layers, sbp.layers).allSatisfy { m, s in
          Self.sameProducts(m, s) && m.selected == s.selected && Self.memoryIsZero(m)
        } && msbp.loss == sbp.loss
      }
    }
  }

  /// SBP and MSBP (any gamma) with `k >= m` in every hidden layer are dense backpropagation,
  /// exactly: the same gradients at every step (the memory stays zero), the same trajectory.
  @Test func fullKIsDense() throws {
    try forAll("k >= m equals dense exactly", scenarioGen(modes: ["sbp", "msbp"])) { scenario, ctx in
      let widest = scenario.sizes.dropFirst().dropLast().max()!
      let extra = scenario.sizes.count % 2  // k = m or k = m + 1
      let gamma = Rational(scenario.learningRateShift, 5)  // in (0, 1)
      let mode: ExactBackwardMode
      if case .sbp(_, let s) = scenario.mode {
        mode = .sbp(k: widest + extra, selection: s)
      } else if case .msbp(_, _, let s) = scenario.mode {
        mode = .msbp(k: widest + extra, gamma: gamma, selection: s)
      } else { return false }
      ctx.classify("k = m + 1", extra == 1)
      return try sideBySide(
        scenario, ExactBackwardOptions(mode: mode, biasGradient: scenario.biasGradient),
        ExactBackwardOptions(mode: .dense)
      ) { sparse, dense in
        zip(sparse.layers, dense.layers).allSatisfy { s, d in Self.sameProducts(s, d) && Self.memoryIsZero(s) }
      }
    }
  }

  /// A 4-6-5-3 network with leaky ReLU 1/8: the two identities on the reference shape.
  @Test func identitiesOnTheReferenceNetwork() throws {
    let base = seededScenario(sizes: [4, 6, 5, 3], slopeEighths: 1, examples: 7, batchSize: 3, epochs: 2, mode: .dense, seed: 3)
    for selection in Selection.allCases {
      let sbp = ExactBackwardOptions(mode: .sbp(k: 2, selection: selection))
      let msbp0 = ExactBackwardOptions(mode: .msbp(k: 2, gamma: .zero, selection: selection))
      #expect(try sideBySide(base, msbp0, sbp) { a, b in
        zip(a.layers, b.layers).allSatisfy { Self.sameProducts($0, $1) && $0.selected == $1.selected }
      })
      let msbpFull = ExactBackwardOptions(mode: .msbp(k: 6, gamma: Rational(3, 4), selection: selection))
      #expect(try sideBySide(base, msbpFull, ExactBackwardOptions(mode: .dense)) { a, b in
        zip(a.layers, b.layers).allSatisfy { Self.sameProducts($0, $1) }
      })
      // And the identities are not vacuous: k = 2 differs from dense, gamma 3/4 from gamma 0.
      let msbp = ExactBackwardOptions(mode: .msbp(k: 2, gamma: Rational(3, 4), selection: selection))
      #expect(try !sideBySide(base, sbp, ExactBackwardOptions(mode: .dense)) { _, _ in true })
      #expect(try !sideBySide(base, msbp, sbp) { _, _ in true })
    }
  }

  /// The layer against Algorithm 2 written out per batch slot (one memory vector per slot,
  /// a smaller batch using the first slots), with a full sort for top-k: per-example and
  /// unified, both bias options, over a schedule of batch sizes with memory carried.
  @Test func layerFollowsAlgorithmTwo() throws {
    let gen = Gen<(Int, Int, Int, [Int], Int, Selection, BiasGradient, UInt64)> { s in
      let n = try s.drawInt(in: 1...4), m = try s.drawInt(in: 1...6)
      let k = try s.drawInt(in: 1...m)
      let schedule = try (0..<(try s.drawInt(in: 1...4))).map { _ in try s.drawInt(in: 1...3) }
      let gammaEighths = try s.drawInt(in: 0...7)
      let selection: Selection = try s.drawInt(in: 0...1) == 0 ? .perExample : .unified
      let bias: BiasGradient = try s.drawInt(in: 0...1) == 0 ? .fromEstimate : .dense
      return (n, m, k, schedule, gammaEighths, selection, bias, try s.drawMagnitude(upTo: 1 << 20))
    }
    try forAll("ExactLinear follows Algorithm 2 slot by slot", gen) { n, m, k, schedule, gammaEighths, selection, bias, seed in
      var rng = SeededGenerator(seed: seed)
      func small(_ r: Int, _ d: Int) -> Rational { Rational(rng.nextInt(below: 2 * r + 1) - r, d) }
      let weight = try ExactMatrix(rows: m, columns: n, storage: (0..<(m * n)).map { _ in small(4, 4) })
      let layer = try ExactLinear(weight: weight, bias: (0..<m).map { _ in small(2, 2) })
      let gamma = Rational(gammaEighths, 8)
      var memory = [[Rational]](repeating: [Rational](repeating: .zero, count: m), count: 3)
      for batch in schedule {
        // Few distinct values, so that ties in magnitude are common.
        let dh = (0..<batch).map { _ in (0..<m).map { _ in small(2, 2) } }
        let x = (0..<batch).map { _ in (0..<n).map { _ in small(3, 1) } }
        let got = try layer.backward(
          ExactMatrix(dh), input: ExactMatrix(x), mode: .msbp(k: k, gamma: gamma, selection: selection),
          biasGradient: bias)
        layer.commitMemory(got)

        // Reference: u_b = dh_b + m_b; S by a full sort; g_b = u_b on S; m_b = gamma (u_b - g_b).
        let u = (0..<batch).map { b in (0..<m).map { dh[b][$0] + memory[b][$0] } }
        func sortTopK(_ keys: [Rational]) -> [Int] {
          Array(keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }.prefix(k)).sorted()
        }
        let unifiedSet = sortTopK((0..<m).map { j in u.reduce(Rational.zero) { $0 + $1[j].magnitude } })
        let sets = (0..<batch).map { b in selection == .unified ? unifiedSet : sortTopK(u[b].map(\.magnitude)) }
        let g = (0..<batch).map { b in (0..<m).map { sets[b].contains($0) ? u[b][$0] : Rational.zero } }
        for b in 0..<batch { memory[b] = (0..<m).map { gamma * (u[b][$0] - g[b][$0]) } }
        let dW = (0..<m).map { j in (0..<n).map { i in (0..<batch).reduce(Rational.zero) { $0 + g[$1][j] * x[$1][i] } } }
        let dX = (0..<batch).map { b in (0..<n).map { i in (0..<m).reduce(Rational.zero) { $0 + g[b][$1] * weight[$1, i] } } }
        let biasSource = bias == .dense ? dh : g
        let db = (0..<m).map { j in biasSource.reduce(Rational.zero) { $0 + $1[j] } }

        let expectedSelection: SelectedUnits =
          k >= m ? .all : selection == .unified ? .unified(unifiedSet) : .perExample(sets)
        guard got.selected == expectedSelection, got.estimate == (try ExactMatrix(g)),
          got.weight == (try ExactMatrix(dW)), got.input == (try ExactMatrix(dX)), got.bias == db,
          let committed = layer.memory,
          committed.storage == memory.prefix(committed.rows).flatMap({ $0 })
        else { return false }
      }
      return true
    }
  }
}
