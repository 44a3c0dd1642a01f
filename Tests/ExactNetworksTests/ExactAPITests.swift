import ExactArithmetic
import ExactNetworks
import PropertyTesting
import SparseNetworks
import Testing

/// The public API the angle study builds on, the conversions from the float module, and
/// the errors of bad input.
@Suite struct ExactAPITests {
  static let reference = seededScenario(
    sizes: [4, 6, 5, 3], slopeEighths: 1, examples: 7, batchSize: 3, epochs: 2,
    mode: .msbp(k: 2, gamma: 0.75), seed: 29)

  /// `gradientEstimates` changes nothing and returns what separate backward calls return.
  @Test func gradientEstimatesArePure() throws {
    let net = try Self.reference.exactNetwork()
    let batches = try Self.reference.exactBatches()
    // Give the network a non-zero memory first.
    let msbp = ExactBackwardMode.msbp(k: 2, gamma: Rational(3, 4), selection: .perExample)
    try net.train(Array(batches.prefix(2)), options: ExactBackwardOptions(mode: msbp), sgd: ExactSGD(learningRate: Rational(1, 8)))
    #expect(net.memories.contains { $0.map { $0.storage.contains { !$0.isZero } } ?? false })
    let parameters = net.flattenedParameters, memories = net.memories

    let modes: [ExactBackwardMode] = [.sbp(k: 2, selection: .unified), msbp]
    let result = try net.gradientEstimates(batches[2], modes: modes)
    #expect(net.flattenedParameters == parameters)
    #expect(net.memories == memories)

    let tape = try net.forward(batches[2].inputs)
    let dense = try net.backward(tape, targets: batches[2].targets, options: ExactBackwardOptions(mode: .dense))
    #expect(result.dense.flattened == dense.flattened)
    #expect(result.loss == dense.loss)
    for (mode, estimate) in zip(modes, result.estimates) {
      let direct = try net.backward(tape, targets: batches[2].targets, options: ExactBackwardOptions(mode: mode))
      #expect(estimate.flattened == direct.flattened)
      #expect(estimate.flattened != dense.flattened, "the sparse estimates differ from the gradient here")
    }
    // Flattening: per layer `W` row-major then `b`; the whole vector is the layers in order.
    #expect(result.dense.flattened == result.dense.perLayer.flatMap { $0 })
    #expect(result.dense.perLayer.map(\.count) == net.layers.map { $0.outputSize * ($0.inputSize + 1) })
    #expect(result.dense.perLayer[1][7] == result.dense.layers[1].weight[1, 1])  // n = 6: entry (1, 1)
    #expect(result.dense.flattened.count == net.parameterCount)
  }

  /// `train` reports, at each step, the dense gradient of the state before the update and the
  /// estimate the step applies, and carries the MSBP memory: replaying the steps by hand with
  /// forward/backward/commit/step gives the same records and the same end state.
  @Test func trainReportsDenseAndEstimateWithMemoryCarried() throws {
    let net = try Self.reference.exactNetwork()
    let byHand = try Self.reference.exactNetwork()
    let batches = try Self.reference.exactBatches()
    let options = ExactBackwardOptions(mode: .msbp(k: 2, gamma: Rational(3, 4), selection: .perExample))
    let sgd = try ExactSGD(learningRate: Rational(1, 8))
    var steps = 0
    try net.train(batches, options: options, sgd: sgd) { step in
      #expect(step.index == steps)
      let batch = batches[step.index]
      // The network is still at the state the step started from.
      let now = try net.gradientEstimates(batch, modes: [options.mode])
      #expect(step.dense.flattened == now.dense.flattened)
      #expect(step.estimate.flattened == now.estimates[0].flattened)
      // Replay by hand.
      let tape = try byHand.forward(batch.inputs)
      let dense = try byHand.backward(tape, targets: batch.targets, options: ExactBackwardOptions(mode: .dense))
      let estimate = try byHand.backward(tape, targets: batch.targets, options: options)
      #expect(step.dense.flattened == dense.flattened)
      #expect(step.estimate.flattened == estimate.flattened)
      #expect(step.loss == dense.loss)
      byHand.commitMemory(estimate)
      try sgd.step(byHand, estimate)
      steps += 1
    }
    #expect(steps == batches.count)
    #expect(net.flattenedParameters == byHand.flattenedParameters)
    #expect(net.memories == byHand.memories)
    // The memory really was carried: a run that forgets it between steps ends elsewhere.
    let forgetful = try Self.reference.exactNetwork()
    for batch in batches {
      try forgetful.restoreMemories([nil, nil, nil])
      try forgetful.train([batch], options: options, sgd: sgd)
    }
    #expect(forgetful.flattenedParameters != net.flattenedParameters)
  }

  /// `ExactMLP(exactly:)` converts a float network exactly, memories included.
  @Test func conversionFromFloatIsExact() throws {
    let float = try Self.reference.floatNetwork()
    let (x, t) = try Self.reference.floatBatches()[0]
    var none: SeededGenerator? = nil
    let grads = try float.backward(float.forward(x, dropout: &none), targets: t, options: BackwardOptions(mode: .msbp(k: 2, gamma: 0.75)))
    float.commitMemory(grads)
    let twin = try ExactMLP(exactly: float)
    #expect(twin.flattenedParameters == (try Self.reference.exactNetwork()).flattenedParameters)
    #expect(twin.activation == .leakyReLU(slope: Rational(1, 8)))
    for (e, f) in zip(twin.memories, float.memories) {
      #expect(e?.storage == f.map { $0.storage.map { try! Rational(exactly: Double($0)) } })
    }
    #expect(twin.memories[0] != nil)
    #expect(try ExactBackwardMode(.msbp(k: 3, gamma: 0.8)) == .msbp(k: 3, gamma: Rational(13_421_773, 16_777_216)))
  }

  /// Bad input is a thrown error naming the input, never a trap.
  @Test func badInputThrows() throws {
    #expect(throws: ConfigurationError.self) { try ExactActivation(.tanh) }
    #expect(throws: ConfigurationError.self) { try ExactActivation(.leakyReLU(slope: .nan)) }
    #expect(throws: ConfigurationError.self) { try ExactLoss(.softmaxCrossEntropy) }
    #expect(throws: ConfigurationError.self) { try ExactBackwardMode(.msbp(k: 1, gamma: .infinity)) }
    #expect(throws: ConfigurationError.self) { try ExactSGD(learningRate: .zero) }
    let dropoutNet = try MLP(sizes: [2, 3, 1], activation: .relu, dropout: 0.5, loss: .squaredError, seed: 1)
    #expect(throws: ConfigurationError.self) { try ExactMLP(exactly: dropoutNet) }
    do {
      _ = try ExactMatrix(exactly: Matrix([[1, .nan]]), name: "inputs")
      Issue.record("a NaN entry was accepted")
    } catch {
      #expect("\(error)".contains("inputs") && "\(error)".contains("(0, 1)"))
    }

    let layer = try ExactLinear(weight: ExactMatrix(rows: 2, columns: 3), bias: [.zero, .zero])
    let dh = ExactMatrix(rows: 1, columns: 2), x = ExactMatrix(rows: 1, columns: 3)
    #expect(throws: ConfigurationError.self) { try layer.backward(dh, input: x, mode: .sbp(k: 0)) }
    #expect(throws: ConfigurationError.self) { try layer.backward(dh, input: x, mode: .msbp(k: 1, gamma: .one)) }
    #expect(throws: ConfigurationError.self) { try layer.backward(dh, input: x, mode: .msbp(k: 1, gamma: Rational(-1, 2))) }
    #expect(throws: ShapeError.self) { try layer.backward(dh, input: ExactMatrix(rows: 2, columns: 3), mode: .dense) }
    #expect(throws: ShapeError.self) { try layer.forward(ExactMatrix(rows: 1, columns: 2)) }
    #expect(throws: ShapeError.self) { try ExactLinear(weight: ExactMatrix(rows: 2, columns: 3), bias: [.zero]) }
    #expect(throws: ShapeError.self) { try layer.setMemory(ExactMatrix(rows: 1, columns: 3)) }
    #expect(throws: ShapeError.self) { try ExactBatch(inputs: ExactMatrix(rows: 2, columns: 1), targets: ExactMatrix(rows: 1, columns: 1)) }
    let net = try Self.reference.exactNetwork()
    #expect(throws: ShapeError.self) { try net.withParameters([.zero]) }
    #expect(throws: ShapeError.self) { try net.restoreMemories([nil]) }
    #expect(throws: (any Error).self) {
      try ExactMLP(layers: [layer, layer], activation: .relu)  // 3 -> 2 feeding 3 -> 2
    }
  }
}

/// The exact estimation angles.
@Suite struct EstimationAngleTests {
  @Test func anglesOfEstimates() throws {
    let net = try ExactAPITests.reference.exactNetwork()
    let batch = try ExactAPITests.reference.exactBatches()[0]
    let r = try net.gradientEstimates(batch, modes: [.dense, .sbp(k: 6), .sbp(k: 2), .msbp(k: 1, gamma: Rational(1, 2))])
    let angles = r.angles
    #expect(angles[0].whole == .zero && angles[1].whole == .zero)
    #expect(angles[0].perLayer.allSatisfy { $0 == .zero || $0 == nil })
    for a in angles[2...] {
      let whole = try #require(a.whole)
      #expect(whole > .zero && whole < .rightAngle, "a top-k estimate is a proper, acute estimate here")
      // The output layer is always dense: its own angle is zero.
      #expect(a.perLayer.last! == .zero)
    }
    // The whole angle from the per-layer pieces: dot and norms add over layers.
    let e = r.estimates[2], d = r.dense
    var dot = Rational.zero, ne = Rational.zero, nd = Rational.zero
    for (x, y) in zip(e.perLayer, d.perLayer) {
      for (a, b) in zip(x, y) { dot += a * b; ne += a * a; nd += b * b }
    }
    #expect(angles[2].whole!.cosineSquared == dot * dot / (ne * nd))
    #expect(angles[2].whole!.cosineSign == dot.signum)
  }
}
