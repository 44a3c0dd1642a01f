/// The statistics of one training epoch.
public struct EpochReport: Codable, Sendable, Equatable {
  /// The epoch number, from 1.
  public var epoch: Int
  /// The mean minibatch loss over the epoch.
  public var trainLoss: Double
  /// Development-set accuracy after the epoch (NaN without a dev set).
  public var devAccuracy: Double
  /// Test-set accuracy after the epoch.
  public var testAccuracy: Double
  /// Wall-clock seconds of the whole epoch (training and evaluation).
  public var elapsedSeconds: Double
  /// Thread CPU seconds (see ``threadCPUSeconds()``) spent in forward passes of training
  /// batches. Phase times are CPU times so that ratios between modes do not depend on how
  /// busy the machine is; `elapsedSeconds` is wall-clock.
  public var forwardSeconds: Double
  /// Thread CPU seconds spent in backward passes (loss gradient, every layer, memory commit).
  public var backwardSeconds: Double
  /// Thread CPU seconds spent in optimizer updates.
  public var updateSeconds: Double
}

/// The outcome of a training run.
public struct TrainingResult: Codable, Sendable {
  /// The network recipe's name.
  public var network: String
  /// `dense`, `sbp` or `msbp`.
  public var mode: String
  /// `k` (nil for dense).
  public var k: Int?
  /// The memory ratio (nil unless MSBP).
  public var gamma: Float?
  /// `per-example` or `unified` (nil for dense).
  public var selection: String?
  /// The bias gradient option.
  public var biasGradient: String
  /// The seed.
  public var seed: UInt64
  /// One report per epoch.
  public var epochs: [EpochReport]

  /// A result from its parts.
  public init(
    network: String, mode: String, k: Int?, gamma: Float?, selection: String?,
    biasGradient: String, seed: UInt64, epochs: [EpochReport]
  ) {
    self.network = network
    self.mode = mode
    self.k = k
    self.gamma = gamma
    self.selection = selection
    self.biasGradient = biasGradient
    self.seed = seed
    self.epochs = epochs
  }
  /// Test accuracy after the last epoch.
  public var finalTestAccuracy: Double { epochs.last?.testAccuracy ?? .nan }
  /// Test accuracy at the epoch of best development accuracy (the first such epoch).
  public var testAccuracyAtBestDev: Double {
    guard var best = epochs.first else { return .nan }
    for e in epochs where e.devAccuracy > best.devAccuracy { best = e }
    return best.testAccuracy
  }
  /// Total backward seconds over all epochs.
  public var totalBackwardSeconds: Double { epochs.reduce(0) { $0 + $1.backwardSeconds } }
}

/// A minibatch training loop with per-phase timing.
public enum Trainer {
  /// Classification accuracy of `network` on `data`, evaluated in batches of 1,000.
  public static func accuracy(_ network: MLP, on data: Dataset) throws -> Double {
    guard data.count > 0 else { return .nan }
    var correct = 0
    var start = 0
    while start < data.count {
      let end = min(start + 1000, data.count)
      let out = try network.predict(data.features.gatherRows(start..<end))
      for b in 0..<out.rows {
        var best = 0
        for j in 1..<out.columns where out[b, j] > out[b, best] { best = j }
        if best == data.labels[start + b] { correct += 1 }
      }
      start = end
    }
    return Double(correct) / Double(data.count)
  }

  /// Trains `network` for `epochs` epochs on `data.train` with minibatches of `batchSize`
  /// (the last one smaller), hidden layers propagated with `options`, and reports each
  /// epoch to `progress`.
  ///
  /// Randomness: the training order of every epoch is a Fisher-Yates shuffle from
  /// `SeededGenerator(seed: seed, stream: 2)`; dropout draws from stream 3. With the
  /// network initialised from stream 1 (``MLP/init(sizes:activation:dropout:loss:seed:)``),
  /// one seed fixes the whole run.
  public static func train(
    _ network: MLP, data: DataSplits, options: BackwardOptions, optimizer: any Optimizer,
    batchSize: Int, epochs: Int, seed: UInt64,
    progress: (EpochReport) -> Void = { _ in }
  ) throws -> [EpochReport] {
    guard batchSize >= 1 else { throw ConfigurationError("batch size must be >= 1, got \(batchSize)") }
    try options.mode.validate()
    var shuffler = SeededGenerator(seed: seed, stream: 2)
    var dropout: SeededGenerator? = SeededGenerator(seed: seed, stream: 3)
    let clock = ContinuousClock()
    func seconds(_ d: Duration) -> Double {
      Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
    var reports = [EpochReport]()
    var order = Array(0..<data.train.count)
    for epoch in 1...max(epochs, 1) where epochs >= 1 {
      let epochStart = clock.now
      var forward = 0.0
      var backward = 0.0
      var update = 0.0
      var lossSum = 0.0
      var batches = 0
      shuffler.shuffle(&order)
      var start = 0
      while start < order.count {
        let end = min(start + batchSize, order.count)
        let batch = data.train.gather(Array(order[start..<end]))
        let targets = try Loss.oneHot(batch.labels, classes: batch.classes)
        let t0 = threadCPUSeconds()
        let tape = try network.forward(batch.features, dropout: &dropout)
        let t1 = threadCPUSeconds()
        let gradients = try network.backward(tape, targets: targets, options: options)
        network.commitMemory(gradients)
        let t2 = threadCPUSeconds()
        optimizer.step(network, gradients)
        let t3 = threadCPUSeconds()
        forward += t1 - t0
        backward += t2 - t1
        update += t3 - t2
        lossSum += Double(gradients.loss)
        batches += 1
        start = end
      }
      let report = EpochReport(
        epoch: epoch, trainLoss: lossSum / Double(max(batches, 1)),
        devAccuracy: try accuracy(network, on: data.dev),
        testAccuracy: try accuracy(network, on: data.test),
        elapsedSeconds: seconds(clock.now - epochStart),
        forwardSeconds: forward, backwardSeconds: backward, updateSeconds: update)
      reports.append(report)
      progress(report)
    }
    return reports
  }
}
