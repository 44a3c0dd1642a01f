import SparseNetworks

/// A reference network, its data and an angle schedule: runs of any backward mode from a seed,
/// trained with the network's recipe (optimizer, batch size), `epochs` epochs.
public struct AngleExperiment: Sendable {
  /// The network recipe.
  public var spec: NetworkSpec
  /// The data splits.
  public var data: DataSplits
  /// Epochs per run.
  public var epochs: Int
  /// What to measure.
  public var schedule: AngleSchedule
  /// Stop each run after this many steps (`nil`: full epochs).
  public var stepLimit: Int?
  /// The bias gradient option of every run.
  public var biasGradient: BiasGradient

  /// An experiment; the schedule is validated.
  public init(
    spec: NetworkSpec, data: DataSplits, epochs: Int, schedule: AngleSchedule,
    stepLimit: Int? = nil, biasGradient: BiasGradient = .fromEstimate
  ) throws {
    try schedule.validate()
    guard epochs >= 1 else { throw ConfigurationError("epochs must be >= 1, got \(epochs)") }
    if let stepLimit, stepLimit < 1 { throw ConfigurationError("step limit must be >= 1, got \(stepLimit)") }
    self.spec = spec
    self.data = data
    self.epochs = epochs
    self.schedule = schedule
    self.stepLimit = stepLimit
    self.biasGradient = biasGradient
  }

  /// One run of `mode` from `seed` (a fresh network and optimizer). Along an SBP run the
  /// paired measure is dropped unless the schedule names a `pairedGamma`.
  public func run(_ mode: BackwardMode, seed: UInt64) throws -> AngleRunResult {
    var schedule = self.schedule
    if case .sbp = mode, schedule.pairedGamma == nil { schedule.measures.remove(.paired) }
    if case .dense = mode, schedule.pairedGamma == nil || schedule.pairedK == nil { schedule.measures.remove(.paired) }
    if case .msbp = mode {
      schedule.pairedK = nil
      schedule.pairedGamma = nil
    }
    let network = try spec.makeNetwork(seed: seed)
    return try AngleRun.train(
      network, data: data, options: BackwardOptions(mode: mode, biasGradient: biasGradient),
      optimizer: try spec.optimizer.resolved().make(), batchSize: spec.batchSize, epochs: epochs,
      seed: seed, schedule: schedule, stepLimit: stepLimit)
  }
}
