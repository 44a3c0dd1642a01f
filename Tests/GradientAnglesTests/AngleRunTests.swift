import GradientAngles
import SparseNetworks
import Testing

/// The measurement loop on the digits MLP, a few dozen steps per run.
@Suite struct AngleRunTests {
  /// Measuring every angle at every step does not change the run: the same seed trained by
  /// `Trainer.train` (no measurements) ends with bit-identical parameters.
  @Test(arguments: [BackwardMode.sbp(k: 8), .msbp(k: 8, gamma: 0.8)])
  func measuringDoesNotDisturbTheRun(mode: BackwardMode) throws {
    var (spec, data) = try digitsSetup()
    data.train = data.train.slice(0..<160)  // 10 steps of 16
    let measured = try spec.makeNetwork(seed: 5)
    let schedule = AngleSchedule(every: 1, pairedK: 8, pairedGamma: 0.5, datasetEvery: 3, datasetSubset: 100)
    var s = schedule
    if case .msbp = mode { (s.pairedK, s.pairedGamma) = (nil, nil) }
    let result = try AngleRun.train(
      measured, data: data, options: BackwardOptions(mode: mode), optimizer: try spec.optimizer.resolved().make(),
      batchSize: spec.batchSize, epochs: 2, seed: 5, schedule: s)
    let plain = try spec.makeNetwork(seed: 5)
    let reports = try Trainer.train(
      plain, data: data, options: BackwardOptions(mode: mode), optimizer: try spec.optimizer.resolved().make(),
      batchSize: spec.batchSize, epochs: 2, seed: 5)
    #expect(parameters(measured) == parameters(plain))
    #expect(result.testAccuracy == reports.map(\.testAccuracy))
    #expect(result.steps == 20)
    #expect(result.angles[.runTime, mode == .sbp(k: 8) ? .sbp : .msbp, .whole]?.count == 20)
    #expect(result.angles[.dataset, .dense, .whole]?.count == 7)  // steps 0, 3, ..., 18
  }

  /// With `k` at least the hidden width every unit is kept: the estimates are the true
  /// gradient and every run-time and paired angle is 0 (up to float rounding).
  @Test func fullWidthEstimatesHaveZeroAngle() throws {
    let (spec, data) = try digitsSetup()
    let experiment = try AngleExperiment(
      spec: spec, data: data, epochs: 1, schedule: AngleSchedule(datasetEvery: 5, datasetSubset: 200), stepLimit: 15)
    let r = try experiment.run(.msbp(k: 64, gamma: 0.8), seed: 2)
    for part in [ParameterPart.layer(1), .layer(2), .whole] {
      for (m, e) in [(AngleMeasure.runTime, Estimator.msbp), (.paired, .sbp), (.paired, .msbp)] {
        let s = try #require(r.angles[m, e, part])
        #expect(s.count == 15 && s.maximum < 0.1, "\(m) \(e) \(part): \(s.maximum)")
      }
    }
  }

  /// MSBP with gamma = 0 is SBP: along such a run the paired difference is exactly 0, and so
  /// is the shadow memory's first step along an SBP run (the memory starts at zero).
  @Test func gammaZeroAndFirstStepPairsCoincide() throws {
    let (spec, data) = try digitsSetup()
    var experiment = try AngleExperiment(
      spec: spec, data: data, epochs: 1, schedule: AngleSchedule(measures: [.paired]), stepLimit: 12)
    let r = try experiment.run(.msbp(k: 4, gamma: 0), seed: 3)
    let d = try #require(r.angles[.paired, .sbpMinusMSBP, .whole])
    #expect(d.count == 12 && d.minimum == 0 && d.maximum == 0)

    experiment.schedule = AngleSchedule(every: 1000, measures: [.paired], pairedGamma: 0.9)
    let s = try experiment.run(.sbp(k: 4), seed: 3)
    let first = try #require(s.angles[.paired, .sbpMinusMSBP, .layer(1)])
    #expect(first.count == 1 && first.mean == 0)
    // ...while later steps differ (the shadow memory is carried).
    experiment.schedule = AngleSchedule(every: 1, measures: [.paired], pairedGamma: 0.9)
    let all = try #require(try experiment.run(.sbp(k: 4), seed: 3).angles[.paired, .sbpMinusMSBP, .layer(1)])
    #expect(all.maximum - all.minimum > 0)
  }

  /// Along an MSBP run, the paired MSBP estimate is the run's own estimate.
  @Test func pairedMSBPIsTheRunsEstimate() throws {
    let (spec, data) = try digitsSetup()
    let experiment = try AngleExperiment(
      spec: spec, data: data, epochs: 1, schedule: AngleSchedule(measures: [.runTime, .paired]), stepLimit: 10)
    let r = try experiment.run(.msbp(k: 4, gamma: 0.8), seed: 4)
    for part in [ParameterPart.layer(1), .layer(2), .whole] {
      #expect(r.angles[.paired, .msbp, part] == r.angles[.runTime, .msbp, part])
    }
  }

  /// The dataset gradient is the mean of per-chunk gradients weighted by size: it does not
  /// depend on the chunk size, and with the whole subset as one batch (no dropout) the
  /// dense minibatch gradient is the dataset gradient.
  @Test func datasetGradientIsChunkIndependent() throws {
    let (spec, data) = try digitsSetup()
    let network = try spec.makeNetwork(seed: 9)
    let subset = data.train.slice(0..<100)
    let a = try DatasetGradient.compute(network, on: subset, chunkSize: 100)
    let b = try DatasetGradient.compute(network, on: subset, chunkSize: 7)
    let angles = try ParameterAngles(estimate: a, truth: b)
    #expect(try #require(angles.whole) < 0.01)
    let flatA = a.flatMap { $0.weight.storage + $0.bias }
    let flatB = b.flatMap { $0.weight.storage + $0.bias }
    #expect(zip(flatA, flatB).allSatisfy { abs($0 - $1) <= 1e-5 + 1e-4 * abs($0) })
    #expect(throws: ConfigurationError.self) { try DatasetGradient.compute(network, on: subset.slice(0..<0)) }
    #expect(throws: ConfigurationError.self) { try DatasetGradient.compute(network, on: subset, chunkSize: 0) }
  }

  @Test func badSchedulesAreRejected() throws {
    let (spec, data) = try digitsSetup()
    #expect(throws: ConfigurationError.self) { try AngleSchedule(every: 0).validate() }
    #expect(throws: ConfigurationError.self) { try AngleSchedule(datasetEvery: 0).validate() }
    #expect(throws: ConfigurationError.self) { try AngleSchedule(pairedGamma: 1).validate() }
    #expect(throws: ConfigurationError.self) { try AngleSchedule(datasetSubset: 0).validate() }
    let network = try spec.makeNetwork(seed: 1)
    // Paired angles along a dense run need k and gamma.
    #expect(throws: ConfigurationError.self) {
      try AngleRun.train(network, data: data, options: BackwardOptions(mode: .dense),
                         optimizer: try spec.optimizer.resolved().make(), batchSize: 16, epochs: 1, seed: 1,
                         schedule: AngleSchedule(measures: [.paired]), stepLimit: 1)
    }
    // Along an MSBP run, the paired gamma is the run's.
    #expect(throws: ConfigurationError.self) {
      try AngleRun.train(network, data: data, options: BackwardOptions(mode: .msbp(k: 4, gamma: 0.8)),
                         optimizer: try spec.optimizer.resolved().make(), batchSize: 16, epochs: 1, seed: 1,
                         schedule: AngleSchedule(measures: [.paired], pairedGamma: 0.5), stepLimit: 1)
    }
    #expect(throws: ConfigurationError.self) {
      try AngleExperiment(spec: spec, data: data, epochs: 0, schedule: AngleSchedule())
    }
  }
}
