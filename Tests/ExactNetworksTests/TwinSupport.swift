import ExactArithmetic
import ExactNetworks
import PropertyTesting
import SparseNetworks

// Shared scaffolding of the exact-twin tests: dyadic tiny networks built twice (float and
// exact) from the same integers, and the float-versus-exact comparison.

/// A tiny training problem given by small integers, so that the float network and its exact
/// twin start from *identical* values: weights are `w / 16`, inputs `x / 8`, targets `t / 4`.
struct TwinScenario: CustomStringConvertible {
  /// Widths, input first (e.g. `[4, 6, 5, 3]`).
  var sizes: [Int]
  /// `0` for ReLU, `-1` for leaky ReLU with the float default slope `0.01` (not dyadic: the
  /// twin takes the float's value exactly), else leaky ReLU with slope `slopeEighths / 8`.
  var slopeEighths: Int
  /// Per layer: weight numerators (row-major `[m, n]`, over 16), then bias numerators (over 16).
  var weights: [[Int]]
  var biases: [[Int]]
  /// Examples: input numerators (over 8) and target numerators (over 4).
  var inputs: [[Int]]
  var targets: [[Int]]
  /// Batch size; the last batch of an epoch is smaller when it does not divide the examples.
  var batchSize: Int
  var epochs: Int
  /// The hidden-layer mode, as the float code takes it (gamma a dyadic float).
  var mode: BackwardMode
  var biasGradient: BiasGradient
  /// The learning rate is `1 / 2^learningRateShift`.
  var learningRateShift: Int
  /// When set, the batches have these sizes instead (consecutive examples, wrapping around),
  /// e.g. `[1, 3, 2]` to make the memory grow after the first step.
  var schedule: [Int]? = nil

  var description: String {
    "sizes \(sizes), slope \(slopeEighths == -1 ? "0.01" : "\(slopeEighths)/8"), mode \(mode), bias \(biasGradient.rawValue), "
      + "B \(batchSize) of \(inputs.count) x \(epochs) epochs, lr 2^-\(learningRateShift), "
      + "weights \(weights), biases \(biases), inputs \(inputs), targets \(targets)"
  }

  var floatActivation: Activation {
    switch slopeEighths {
    case 0: .relu
    case -1: .leakyReLU(slope: 0.01)
    default: .leakyReLU(slope: Float(slopeEighths) / 8)
    }
  }
  var learningRate: Float { 1 / Float(1 << learningRateShift) }

  func floatNetwork() throws -> MLP {
    var layers = [Linear]()
    for l in 0..<(sizes.count - 1) {
      let w = try Matrix(rows: sizes[l + 1], columns: sizes[l], storage: weights[l].map { Float($0) / 16 })
      layers.append(try Linear(weight: w, bias: biases[l].map { Float($0) / 16 }))
    }
    return try MLP(layers: layers, activation: floatActivation, loss: .squaredError)
  }

  /// The exact network built *from the integers* (not from the float network), so that the
  /// conversion `ExactMLP(exactly:)` is itself under test where it is used.
  func exactNetwork() throws -> ExactMLP {
    var layers = [ExactLinear]()
    for l in 0..<(sizes.count - 1) {
      let w = try ExactMatrix(rows: sizes[l + 1], columns: sizes[l], storage: weights[l].map { Rational($0, 16) })
      layers.append(try ExactLinear(weight: w, bias: biases[l].map { Rational($0, 16) }))
    }
    let activation: ExactActivation =
      switch slopeEighths {
      case 0: .relu
      case -1: .leakyReLU(slope: try Rational(exactly: Double(Float(0.01))))
      default: .leakyReLU(slope: Rational(slopeEighths, 8))
      }
    return try ExactMLP(layers: layers, activation: activation)
  }

  var exactLearningRate: Rational { Rational(1, 1 << learningRateShift) }

  /// The example ranges of the batches of all epochs, in order (no shuffling: the order is
  /// part of the scenario).
  var batchRanges: [Range<Int>] {
    var result = [Range<Int>]()
    if let schedule {
      // Consecutive examples, wrapping around (indices are taken modulo the example count).
      var start = 0
      for size in schedule {
        result.append(start..<(start + size))
        start = (start + size) % inputs.count
      }
      return result
    }
    for _ in 0..<epochs {
      var start = 0
      while start < inputs.count {
        let end = min(start + batchSize, inputs.count)
        result.append(start..<end)
        start = end
      }
    }
    return result
  }

  func floatBatches() throws -> [(Matrix, Matrix)] {
    try batchRanges.map { r in
      (try Matrix(r.map { inputs[$0 % inputs.count].map { Float($0) / 8 } }),
       try Matrix(r.map { targets[$0 % inputs.count].map { Float($0) / 4 } }))
    }
  }

  /// The same batches built from the integers, independently of the float ones.
  func exactBatches() throws -> [ExactBatch] {
    try batchRanges.map { r in
      try ExactBatch(
        inputs: ExactMatrix(r.map { inputs[$0 % inputs.count].map { Rational($0, 8) } }),
        targets: ExactMatrix(r.map { targets[$0 % inputs.count].map { Rational($0, 4) } }))
    }
  }
}

/// Draws a scenario: 1-2 hidden layers of widths 1-6, dyadic parameters and data, any mode.
func scenarioGen(modes: [String] = ["dense", "sbp", "msbp"], maxSteps: Int = 6) -> Gen<TwinScenario> {
  Gen { s in
    let hidden = try s.drawInt(in: 1...2)
    var sizes = [try s.drawInt(in: 1...4)]
    for _ in 0..<hidden { sizes.append(try s.drawInt(in: 1...6)) }
    sizes.append(try s.drawInt(in: 1...3))
    let slope = try s.drawInt(in: -1...3)
    var weights = [[Int]](), biases = [[Int]]()
    for l in 0..<(sizes.count - 1) {
      weights.append(try (0..<(sizes[l] * sizes[l + 1])).map { _ in try s.drawInt(in: -16...16) })
      biases.append(try (0..<sizes[l + 1]).map { _ in try s.drawInt(in: -8...8) })
    }
    let examples = try s.drawInt(in: 1...5)
    let inputs = try (0..<examples).map { _ in try (0..<sizes[0]).map { _ in try s.drawInt(in: -8...8) } }
    let targets = try (0..<examples).map { _ in try (0..<sizes.last!).map { _ in try s.drawInt(in: -4...4) } }
    let batchSize = try s.drawInt(in: 1...4)
    let batchesPerEpoch = (examples + batchSize - 1) / batchSize
    let epochs = max(1, min(2, maxSteps / batchesPerEpoch))
    let widest = sizes.dropFirst().dropLast().max()!
    let k = try s.drawInt(in: 1...(widest + 1))
    let selection: Selection = try s.drawInt(in: 0...1) == 0 ? .perExample : .unified
    let gammas: [Float] = [0, 0.25, 0.5, 0.75, 0.875, 0.8]  // 0.8: not dyadic; the twin takes its float value exactly
    let mode: BackwardMode
    switch modes[try s.drawInt(in: 0...(modes.count - 1))] {
    case "dense": mode = .dense
    case "sbp": mode = .sbp(k: k, selection: selection)
    default: mode = .msbp(k: k, gamma: gammas[try s.drawInt(in: 0...5)], selection: selection)
    }
    let bias: BiasGradient = try s.drawInt(in: 0...1) == 0 ? .fromEstimate : .dense
    let shift = try s.drawInt(in: 2...4)
    return TwinScenario(
      sizes: sizes, slopeEighths: slope, weights: weights, biases: biases, inputs: inputs,
      targets: targets, batchSize: batchSize, epochs: epochs, mode: mode, biasGradient: bias,
      learningRateShift: shift)
  }
}

/// A scenario from a seeded generator (for the fixed, non-property tests).
func seededScenario(
  sizes: [Int], slopeEighths: Int, examples: Int, batchSize: Int, epochs: Int,
  mode: BackwardMode, biasGradient: BiasGradient = .fromEstimate, seed: UInt64
) -> TwinScenario {
  var rng = SeededGenerator(seed: seed, stream: 7)
  func ints(_ count: Int, _ r: Int) -> [Int] { (0..<count).map { _ in rng.nextInt(below: 2 * r + 1) - r } }
  var weights = [[Int]](), biases = [[Int]]()
  for l in 0..<(sizes.count - 1) {
    weights.append(ints(sizes[l] * sizes[l + 1], 16))
    biases.append(ints(sizes[l + 1], 8))
  }
  return TwinScenario(
    sizes: sizes, slopeEighths: slopeEighths, weights: weights, biases: biases,
    inputs: (0..<examples).map { _ in ints(sizes[0], 8) },
    targets: (0..<examples).map { _ in ints(sizes.last!, 4) },
    batchSize: batchSize, epochs: epochs, mode: mode, biasGradient: biasGradient, learningRateShift: 3)
}

// MARK: - Float versus exact

/// A float result that differs from the exact one by more than rounding can explain.
struct TwinMismatch: Error, CustomStringConvertible {
  let description: String
}

/// The tolerance of the float-versus-exact comparison: `|f - e| <= tol * (1 + max|e|)`
/// entrywise, with `tol = 2^-16` (about 1.5e-5, i.e. 256 units in the last place of float32).
/// Why it suffices: every tensor of these tiny networks is O(1) (weights and inputs in
/// [-1, 1], at most 6 terms per dot product, at most 6 steps of SGD with rate <= 1/4); each
/// float32 operation errs by at most 2^-24 relative, a dot product of length <= 7 by at most
/// 7 * 2^-24 of the sum of its terms' magnitudes, and the errors of the few stages
/// (forward 3 layers, backward 3 layers, a few steps) add up to some tens of ulps of the
/// largest magnitude in play. A wrong index, row, sign or option errs by O(1e-2) or more.
let twinTolerance = Rational(1, 1 << 16)

/// The largest observed `|f - e| / (1 + max|e|)` of a comparison (reported, never decided on).
struct ErrorTracker {
  var worst = Rational.zero
  var compared = 0
}

/// Checks `float` against `exact` entrywise; throws naming `what`.
func compare(
  _ float: [Float], _ exact: [Rational], _ what: String, tracker: inout ErrorTracker
) throws {
  guard float.count == exact.count else {
    throw TwinMismatch(description: "\(what): \(float.count) float entries, \(exact.count) exact")
  }
  var scale = Rational.one
  var worstError = Rational.zero
  for e in exact where e.magnitude > scale - .one { scale = .one + e.magnitude }
  for (i, (f, e)) in zip(float, exact).enumerated() {
    guard f.isFinite else { throw TwinMismatch(description: "\(what): float entry \(i) is \(f)") }
    let error = (try Rational(exactly: Double(f)) - e).magnitude
    if error > twinTolerance * scale {
      throw TwinMismatch(
        description: "\(what): entry \(i) is \(f) in float, \(e) = \(e.doubleValue) exactly (error \(error.doubleValue), scale \(scale.doubleValue))")
    }
    if error > worstError { worstError = error }
  }
  let ratio = worstError / scale
  if ratio > tracker.worst { tracker.worst = ratio }
  tracker.compared += 1
}

/// How a differential run ended.
struct DifferentialOutcome {
  /// Steps whose every quantity was compared.
  var stepsCompared = 0
  /// Set when the run stopped at a near tie or a near kink that float rounding explains (the
  /// trajectories legitimately part there).
  var stoppedAt: String? = nil
  var tracker = ErrorTracker()
}

/// Trains the float network and its exact twin side by side on the same batches (plain SGD,
/// the scenario's mode, memory carried) and compares, at every step: the forward
/// pre-activations, the loss, and per layer the selected units, `G`, `dW`, `db`, `dX` and the
/// proposed memory; after the update, the weights, biases and committed memories.
///
/// A difference in selected units, or in the branch of the activation, is accepted only when
/// float rounding explains it, decided exactly: the float keys (magnitudes or unified column
/// sums, recomputed in float exactly as the layer does) are within tolerance of the exact keys,
/// and every pair that swapped places has exact keys closer than the float keys' errors
/// (an exact tie computed exactly in float must be broken the same way: by the lower index).
/// Then the two trajectories part and the run stops there. Anything else throws.
///
/// With `resynchronize`, every step after the first starts the twin from the float network's
/// state converted exactly (`ExactMLP(exactly:)`, weights and memories), after checking that
/// the two states agree: each step is then compared from identical states, and the tolerance
/// only has to cover one step's rounding. Without it the two trajectories run free, which is
/// also a test of the accumulated drift, but only meaningful while plain SGD is stable: with
/// a large step on a badly conditioned tiny network, gradient descent amplifies the rounding
/// errors of each step by `|1 - eta lambda| > 1` per step (seen at a relative 2e-5 after three
/// steps of rate 1/4), which says nothing about the code. Fixed scenarios run free; the
/// random property resynchronizes.
func runDifferential(_ scenario: TwinScenario, resynchronize: Bool = false) throws -> DifferentialOutcome {
  let float = try scenario.floatNetwork()
  var exact = try scenario.exactNetwork()
  let sgd = SGDMomentum(learningRate: scenario.learningRate)
  let exactSGD = try ExactSGD(learningRate: scenario.exactLearningRate)
  let options = BackwardOptions(mode: scenario.mode, biasGradient: scenario.biasGradient)
  let exactOptions = try ExactBackwardOptions(options)
  var outcome = DifferentialOutcome()
  let hidden = float.layers.count - 1

  for ((x, t), batch) in zip(try scenario.floatBatches(), try scenario.exactBatches()) {
    let step = outcome.stepsCompared
    if resynchronize && step > 0 { exact = try ExactMLP(exactly: float) }
    var noDropout: SeededGenerator? = nil
    let ftape = try float.forward(x, dropout: &noDropout)
    let etape = try exact.forward(batch.inputs)
    for l in 0...hidden {
      try compare(ftape.preActivations[l].storage, etape.preActivations[l].storage, "step \(step) layer \(l) H", tracker: &outcome.tracker)
    }
    for l in 0..<hidden {
      for (f, e) in zip(ftape.preActivations[l].storage, etape.preActivations[l].storage) where (f > 0) != (e.signum > 0) {
        outcome.stoppedAt = "near kink at step \(step), layer \(l): H = \(f) in float, \(e) exactly"
        return outcome
      }
    }
    let fgrads = try float.backward(ftape, targets: t, options: options)
    let egrads = try exact.backward(etape, targets: batch.targets, options: exactOptions)
    try compare([fgrads.loss], [egrads.loss], "step \(step) loss", tracker: &outcome.tracker)

    for l in stride(from: hidden, through: 0, by: -1) {
      let f = fgrads.layers[l]
      let e = egrads.layers[l]
      let at = "step \(step) layer \(l)"
      if f.selected != e.selected {
        // The float values the layer ranked: dH_l = dX_{l+1} * sigma'(H_l) (+ memory),
        // recomputed with the very float operations of MLP.backward and Linear.backward.
        var v = fgrads.layers[l + 1].input!
        for i in v.storage.indices { v.storage[i] *= float.activation.derivative(ftape.preActivations[l].storage[i]) }
        if case .msbp = scenario.mode, let mem = float.layers[l].memory {
          for i in 0..<(min(v.rows, mem.rows) * v.columns) { v.storage[i] += mem.storage[i] }
        }
        try justifySelectionMismatch(float: f.selected, exact: e.selected, floatValues: v, exactValues: e.values, at: at, tracker: &outcome.tracker)
        outcome.stoppedAt = "near tie at \(at): float selected \(String(describing: f.selected)), exact \(String(describing: e.selected))"
        return outcome
      }
      try compare(f.estimate.storage, e.estimate.storage, "\(at) G", tracker: &outcome.tracker)
      try compare(f.weight.storage, e.weight.storage, "\(at) dW", tracker: &outcome.tracker)
      try compare(f.bias, e.bias, "\(at) db", tracker: &outcome.tracker)
      if l > 0 {
        try compare(f.input!.storage, e.input!.storage, "\(at) dX", tracker: &outcome.tracker)
      }
      guard (f.memory == nil) == (e.memory == nil) else {
        throw TwinMismatch(description: "\(at): float proposes memory \(f.memory != nil), exact \(e.memory != nil)")
      }
      if let fm = f.memory, let em = e.memory {
        guard fm.rows == em.rows else { throw TwinMismatch(description: "\(at): memory rows \(fm.rows) vs \(em.rows)") }
        try compare(fm.storage, em.storage, "\(at) proposed memory", tracker: &outcome.tracker)
      }
    }

    float.commitMemory(fgrads)
    sgd.step(float, fgrads)
    exact.commitMemory(egrads)
    try exactSGD.step(exact, egrads)
    for l in 0...hidden {
      try compare(float.layers[l].weight.storage, exact.layers[l].weight.storage, "after step \(step) layer \(l) W", tracker: &outcome.tracker)
      try compare(float.layers[l].bias, exact.layers[l].bias, "after step \(step) layer \(l) b", tracker: &outcome.tracker)
      let fm = float.layers[l].memory, em = exact.layers[l].memory
      guard (fm == nil) == (em == nil) else { throw TwinMismatch(description: "after step \(step) layer \(l): memory present \(fm != nil) vs \(em != nil)") }
      if let fm, let em {
        guard fm.rows == em.rows else { throw TwinMismatch(description: "after step \(step) layer \(l): memory rows \(fm.rows) vs \(em.rows)") }
        try compare(fm.storage, em.storage, "after step \(step) layer \(l) memory", tracker: &outcome.tracker)
      }
    }
    outcome.stepsCompared += 1
  }
  return outcome
}

/// Throws unless float rounding explains why float and exact selected different units.
func justifySelectionMismatch(
  float: SelectedUnits?, exact: SelectedUnits?, floatValues v: Matrix, exactValues ev: ExactMatrix,
  at: String, tracker: inout ErrorTracker
) throws {
  func explain(_ fset: [Int], _ eset: [Int], fkeys: [Float], ekeys: [Rational], _ what: String) throws {
    try compare(fkeys, ekeys, "\(at) \(what) ranking keys", tracker: &tracker)
    // Float ranks i above j, exact ranks j above i. With f = e + d: f_i >= f_j gives
    // e_j - e_i <= d_i - d_j <= |d_i| + |d_j|, and when both errors are zero the two
    // rankings are the same function of the same keys, so they cannot disagree.
    let errors = try zip(fkeys, ekeys).map { f, e in (try Rational(exactly: Double(f)) - e).magnitude }
    for i in Set(fset).subtracting(eset) {
      for j in Set(eset).subtracting(fset) {
        let pairError = errors[i] + errors[j]
        if pairError.isZero || ekeys[j] - ekeys[i] > pairError {
          throw TwinMismatch(
            description: "\(at) \(what): float selected \(i) over \(j), but exactly key_\(j) - key_\(i) = \(ekeys[j] - ekeys[i]) and the float keys err by only \(pairError)")
        }
      }
    }
  }
  switch (float, exact) {
  case (.perExample(let fs), .perExample(let es)) where fs.count == es.count:
    for b in fs.indices where fs[b] != es[b] {
      try explain(fs[b], es[b], fkeys: v.row(b).map(TopK.magnitude), ekeys: ev.row(b).map(\.magnitude), "row \(b)")
    }
  case (.unified(let fset), .unified(let eset)):
    try explain(fset, eset, fkeys: TopK.unifiedScores(v), ekeys: ExactTopK.unifiedScores(ev), "unified")
  default:
    throw TwinMismatch(description: "\(at): float selected \(String(describing: float)), exact \(String(describing: exact))")
  }
}
