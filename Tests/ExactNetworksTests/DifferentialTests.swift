import ExactArithmetic
import ExactNetworks
import PropertyTesting
import SparseNetworks
import Testing

/// The point of the twin: the float code and the exact twin, trained side by side from the
/// same dyadic start, select the same units and compute the same gradients (up to float
/// rounding), memory included, over several steps.
@Suite struct DifferentialTests {
  static let modes: [BackwardMode] = [
    .dense,
    .sbp(k: 2, selection: .perExample), .sbp(k: 2, selection: .unified),
    .msbp(k: 2, gamma: 0.75, selection: .perExample), .msbp(k: 2, gamma: 0.75, selection: .unified),
    .msbp(k: 1, gamma: 0.5, selection: .perExample), .msbp(k: 3, gamma: 0.875, selection: .unified),
  ]

  /// 4-6-5-3, leaky ReLU slope 1/8, 7 examples in batches of 3, 3 and 1, two epochs: six
  /// steps with a last smaller batch (which uses the first memory row only).
  @Test(arguments: modes, [BiasGradient.fromEstimate, .dense])
  func batchesOfThreeWithSmallerLast(mode: BackwardMode, bias: BiasGradient) throws {
    let scenario = seededScenario(
      sizes: [4, 6, 5, 3], slopeEighths: 1, examples: 7, batchSize: 3, epochs: 2, mode: mode,
      biasGradient: bias, seed: 11)
    let outcome = try runDifferential(scenario)
    #expect(outcome.stoppedAt == nil, "\(outcome.stoppedAt ?? "")")
    #expect(outcome.stepsCompared == 6)
  }

  /// Batch size 1 (Algorithm 2 exactly), ReLU, five steps.
  @Test(arguments: modes)
  func batchOfOne(mode: BackwardMode) throws {
    let scenario = seededScenario(
      sizes: [4, 6, 5, 3], slopeEighths: 0, examples: 5, batchSize: 1, epochs: 1, mode: mode, seed: 5)
    let outcome = try runDifferential(scenario)
    #expect(outcome.stoppedAt == nil, "\(outcome.stoppedAt ?? "")")
    #expect(outcome.stepsCompared == 5)
  }

  /// Batch sizes 1, 3, 2, 4, 1: the memory starts with one row, grows to three (new rows
  /// zero) and to four, and smaller batches leave the rows they do not use untouched.
  @Test(arguments: [Selection.perExample, .unified])
  func changingBatchSizesGrowTheMemory(selection: Selection) throws {
    var scenario = seededScenario(
      sizes: [4, 6, 5, 3], slopeEighths: 1, examples: 6, batchSize: 1, epochs: 1,
      mode: .msbp(k: 2, gamma: 0.75, selection: selection), seed: 23)
    scenario.schedule = [1, 3, 2, 4, 1]
    let outcome = try runDifferential(scenario)
    #expect(outcome.stoppedAt == nil, "\(outcome.stoppedAt ?? "")")
    #expect(outcome.stepsCompared == 5)
  }

  /// Random tiny networks, data, modes, k, gamma, batch sizes and bias options, each step
  /// compared from the same state (the twin resynchronized to the float state, see
  /// `runDifferential`). A run may stop early only at a near tie or kink that float rounding
  /// provably explains; most runs compare every step.
  @Test func randomScenariosAgree() throws {
    var worst = Rational.zero
    var compared = 0
    try forAll("float and exact twin agree", scenarioGen(), cases: 60, cover: ["every step compared": 0.6]) { scenario, ctx in
      let outcome = try runDifferential(scenario, resynchronize: true)
      ctx.classify("every step compared", outcome.stoppedAt == nil)
      ctx.classify("stopped at a near tie or kink", outcome.stoppedAt != nil)
      ctx.classify("several steps", outcome.stepsCompared >= 3)
      if case .msbp = scenario.mode { ctx.label("msbp") }
      if let stop = outcome.stoppedAt { ctx.note(stop) }
      worst = max(worst, outcome.tracker.worst)
      compared += outcome.tracker.compared
      return true
    }
    print("float-vs-exact: \(compared) tensors compared, worst |f - e| / (1 + max|e|) = \(worst.doubleValue)")
  }

  /// The harness's own rule for parting trajectories: a selection difference is accepted
  /// only when the float keys' rounding explains it.
  @Test func nearTieJustificationAcceptsOnlyRounding() throws {
    var tracker = ErrorTracker()
    let tiny = Rational(1, 1 << 30)
    let floatTie = try Matrix([[1, 1]])
    // Exactly, unit 1 is larger by 2^-30; in float both round to 1 and the lower index wins.
    try justifySelectionMismatch(
      float: .perExample([[0]]), exact: .perExample([[1]]), floatValues: floatTie,
      exactValues: ExactMatrix([[.one, .one + tiny]]), at: "rounded", tracker: &tracker)
    // An exact tie computed exactly must be broken the same way: no excuse.
    #expect(throws: TwinMismatch.self) {
      try justifySelectionMismatch(
        float: .perExample([[0]]), exact: .perExample([[1]]), floatValues: floatTie,
        exactValues: ExactMatrix([[.one, .one]]), at: "exact tie", tracker: &tracker)
    }
    // A gap far beyond rounding: the float keys themselves are wrong.
    #expect(throws: TwinMismatch.self) {
      try justifySelectionMismatch(
        float: .unified([0]), exact: .unified([1]), floatValues: floatTie,
        exactValues: ExactMatrix([[.one, Rational(3, 2)]]), at: "wrong keys", tracker: &tracker)
    }
    // Different kinds of selection are never explained.
    #expect(throws: TwinMismatch.self) {
      try justifySelectionMismatch(
        float: .all, exact: .perExample([[1]]), floatValues: floatTie,
        exactValues: ExactMatrix([[.one, .one]]), at: "kinds", tracker: &tracker)
    }
  }
}
