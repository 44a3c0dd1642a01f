import SparseNetworks

/// What to measure during a training run, and how often.
public struct AngleSchedule: Sendable, Equatable {
  /// Measure the run-time and paired angles every `every` steps (1 = every step).
  public var every: Int
  /// Which measures to take.
  public var measures: Set<AngleMeasure>
  /// The `k` of the paired SBP/MSBP estimates (`nil`: the run's own `k`).
  public var pairedK: Int?
  /// The memory ratio of the paired MSBP estimate (`nil`: the run's own `gamma`). Along a
  /// dense or SBP run, a shadow MSBP memory with this ratio is carried (updated every step
  /// from the run's own `dl/dh`, never used by the run).
  public var pairedGamma: Float?
  /// Measure the dataset angle every `datasetEvery` steps.
  public var datasetEvery: Int
  /// The dataset angle uses the first `datasetSubset` training examples (`nil`: all).
  public var datasetSubset: Int?

  /// A schedule; every count must be positive (checked by ``validate()``).
  public init(
    every: Int = 1, measures: Set<AngleMeasure> = Set(AngleMeasure.allCases),
    pairedK: Int? = nil, pairedGamma: Float? = nil,
    datasetEvery: Int = 100, datasetSubset: Int? = nil
  ) {
    self.every = every
    self.measures = measures
    self.pairedK = pairedK
    self.pairedGamma = pairedGamma
    self.datasetEvery = datasetEvery
    self.datasetSubset = datasetSubset
  }

  /// Throws a ``ConfigurationError`` naming the bad field.
  public func validate() throws(ConfigurationError) {
    guard every >= 1 else { throw ConfigurationError("angle schedule: every must be >= 1, got \(every)") }
    guard datasetEvery >= 1 else { throw ConfigurationError("angle schedule: datasetEvery must be >= 1, got \(datasetEvery)") }
    if let s = datasetSubset, s < 1 { throw ConfigurationError("angle schedule: datasetSubset must be >= 1, got \(s)") }
    if let k = pairedK, k < 1 { throw ConfigurationError("angle schedule: pairedK must be >= 1, got \(k)") }
    if let g = pairedGamma, !(g >= 0 && g < 1) {
      throw ConfigurationError("angle schedule: pairedGamma must be in [0, 1), got \(g)")
    }
  }
}

/// The outcome of a training run with angle measurements.
public struct AngleRunResult: Sendable {
  /// The run's backward mode.
  public var mode: BackwardMode
  /// The seed of initialisation, shuffling and dropout.
  public var seed: UInt64
  /// Training steps taken.
  public var steps: Int
  /// Test accuracy after each epoch.
  public var testAccuracy: [Double]
  /// Development accuracy after each epoch (NaN without a dev set).
  public var devAccuracy: [Double]
  /// The angle series.
  public var angles: AngleRecorder

  /// Test accuracy at the first epoch of best development accuracy (the last epoch's test
  /// accuracy when there is no dev set).
  public var testAccuracyAtBestDev: Double {
    guard !testAccuracy.isEmpty else { return .nan }
    var best = 0
    for i in devAccuracy.indices where devAccuracy[i] > devAccuracy[best] { best = i }
    return devAccuracy.allSatisfy(\.isNaN) ? testAccuracy.last! : testAccuracy[best]
  }
}

/// Training runs that measure gradient estimation angles as they go.
public enum AngleRun {
  /// Trains `network` exactly as ``Trainer/train(_:data:options:optimizer:batchSize:epochs:seed:progress:)``
  /// does (same shuffling and dropout streams, so the same seed gives the same run), and
  /// measures the angles of `schedule` before each update. Measuring never changes the run:
  /// the extra backward passes are pure, and the only memory committed besides the run's is
  /// the shadow MSBP memory of a dense or SBP run, which such a run never reads.
  ///
  /// `stepLimit` stops after that many steps (the epoch is then evaluated and reported).
  public static func train(
    _ network: MLP, data: DataSplits, options: BackwardOptions, optimizer: any Optimizer,
    batchSize: Int, epochs: Int, seed: UInt64, schedule: AngleSchedule, stepLimit: Int? = nil,
    progress: (_ epoch: Int, _ test: Double) -> Void = { _, _ in }
  ) throws -> AngleRunResult {
    guard batchSize >= 1 else { throw ConfigurationError("batch size must be >= 1, got \(batchSize)") }
    guard epochs >= 1 else { throw ConfigurationError("epochs must be >= 1, got \(epochs)") }
    try options.mode.validate()
    try schedule.validate()

    // The paired estimators.
    let runK: Int?
    let runGamma: Float?
    let selection: Selection
    switch options.mode {
    case .dense: (runK, runGamma, selection) = (nil, nil, .perExample)
    case .sbp(let k, let s): (runK, runGamma, selection) = (k, nil, s)
    case .msbp(let k, let g, let s): (runK, runGamma, selection) = (k, g, s)
    }
    let wantPaired = schedule.measures.contains(.paired)
    var pairedSBP: BackwardMode? = nil
    var pairedMSBP: BackwardMode? = nil
    if wantPaired {
      guard let k = schedule.pairedK ?? runK else {
        throw ConfigurationError("paired angles along a dense run need pairedK")
      }
      guard let gamma = schedule.pairedGamma ?? runGamma else {
        throw ConfigurationError("paired angles along a \(options.mode.name) run need pairedGamma")
      }
      if let runGamma, gamma != runGamma || k != runK {
        throw ConfigurationError(
          "paired angles along an MSBP run use the run's own k and gamma (\(runK!), \(runGamma)), got \(k), \(gamma)")
      }
      pairedSBP = .sbp(k: k, selection: selection)
      pairedMSBP = .msbp(k: k, gamma: gamma, selection: selection)
    }
    let runIsMSBP = runGamma != nil
    let datasetSubset = schedule.measures.contains(.dataset)
      ? data.train.slice(0..<min(schedule.datasetSubset ?? data.train.count, data.train.count)) : nil

    var shuffler = SeededGenerator(seed: seed, stream: 2)
    var dropout: SeededGenerator? = SeededGenerator(seed: seed, stream: 3)
    var order = Array(0..<data.train.count)
    var recorder = AngleRecorder()
    var step = 0
    var tests = [Double]()
    var devs = [Double]()
    let bias = options.biasGradient

    epochLoop: for epoch in 1...epochs {
      shuffler.shuffle(&order)
      var start = 0
      var stopped = false
      while start < order.count {
        if let stepLimit, step >= stepLimit {
          stopped = true
          break
        }
        let end = min(start + batchSize, order.count)
        let batch = data.train.gather(Array(order[start..<end]))
        let targets = try Loss.oneHot(batch.labels, classes: batch.classes)
        let tape = try network.forward(batch.features, dropout: &dropout)
        let run = try network.backward(tape, targets: targets, options: options)

        let measureNow = step % schedule.every == 0
        let datasetNow = datasetSubset != nil && step % schedule.datasetEvery == 0
        var dense: Gradients? = nil
        if measureNow || datasetNow {
          dense = try network.backward(tape, targets: targets, options: BackwardOptions(mode: .dense, biasGradient: bias))
        }
        if measureNow, schedule.measures.contains(.runTime), options.mode != .dense {
          recorder.record(.runTime, runIsMSBP ? .msbp : .sbp, try ParameterAngles(estimate: run, truth: dense!))
        }
        // The paired MSBP estimate is needed every step along a non-MSBP run, to carry the
        // shadow memory; the SBP one only when measured.
        var sbp: Gradients? = nil
        var msbp: Gradients? = nil
        if let pairedMSBP, let pairedSBP {
          msbp = runIsMSBP ? run : try network.backward(tape, targets: targets, options: BackwardOptions(mode: pairedMSBP, biasGradient: bias))
          if measureNow || datasetNow {
            sbp = options.mode == pairedSBP ? run : try network.backward(tape, targets: targets, options: BackwardOptions(mode: pairedSBP, biasGradient: bias))
          }
          if measureNow {
            let a = try ParameterAngles(estimate: sbp!, truth: dense!)
            let b = try ParameterAngles(estimate: msbp!, truth: dense!)
            recorder.record(.paired, .sbp, a)
            recorder.record(.paired, .msbp, b)
            recorder.recordDifference(.paired, .sbpMinusMSBP, a, b)
          }
        }
        if datasetNow, let subset = datasetSubset {
          let truth = try DatasetGradient.compute(network, on: subset)
          recorder.record(.dataset, .dense, try ParameterAngles(estimate: dense!.layers, truth: truth))
          if let sbp { recorder.record(.dataset, .sbp, try ParameterAngles(estimate: sbp.layers, truth: truth)) }
          if let msbp { recorder.record(.dataset, .msbp, try ParameterAngles(estimate: msbp.layers, truth: truth)) }
          if pairedMSBP == nil, options.mode != .dense {
            recorder.record(.dataset, runIsMSBP ? .msbp : .sbp, try ParameterAngles(estimate: run.layers, truth: truth))
          }
        }

        network.commitMemory(run)
        if !runIsMSBP, let msbp { network.commitMemory(msbp) }  // the shadow memory
        optimizer.step(network, run)
        step += 1
        start = end
      }
      tests.append(try Trainer.accuracy(network, on: data.test))
      devs.append(try Trainer.accuracy(network, on: data.dev))
      progress(epoch, tests.last!)
      if stopped { break epochLoop }
    }
    return AngleRunResult(
      mode: options.mode, seed: seed, steps: step, testAccuracy: tests, devAccuracy: devs, angles: recorder)
  }
}
