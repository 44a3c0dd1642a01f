import Foundation
import GradientAngles
import SparseNetworks

/// `msbp angles NETWORK [options]`: measures the run-time, paired and dataset gradient
/// estimation angles of SBP and MSBP on a grid of k, gamma and seeds, and says where the
/// paper's claim "mean MSBP angle < mean SBP angle" holds.
enum AnglesCommand {
  static let help = """
    usage: msbp angles NETWORK [options]     (also: msbp angles --network NETWORK ...)

    NETWORK is a name in Fixtures/networks/ (mnist-mlp-500, digits-mlp, ...) or a JSON path.
    For every seed and k: one SBP run; for every gamma: one MSBP run. Each run measures
      run-time  the run's estimate vs the dense gradient of the same minibatch
      paired    (MSBP runs) SBP and MSBP estimates from the same state vs the dense gradient
      dataset   each run's update vs the gradient of the training set (or --dataset-subset)
    per layer and for the whole parameter vector, and the claim is checked on each.

    options:
      --k LIST               units kept per example, each in 1...smallest hidden width
                             (default 1,5,10,20,50 clipped to the width)
      --gamma LIST           MSBP memory ratios (default 0.3,0.5,0.8,0.9)
      --seeds LIST           seeds (default 1,2,3)
      --epochs E             epochs per run (default 1)
      --every S              run-time/paired angles every S steps (default 1)
      --dataset-every N      dataset angle every N steps (default 100)
      --dataset-subset N     dataset angle on the first N training examples (default 5000)
      --train-limit N        use only the first N training examples
      --steps N              stop each run after N steps
      --selection per-example|unified   (default per-example)
      --data DIR             data directory
      --threads T            OpenBLAS threads (default 1)
      \(Options.subnormalsHelp(column: 23))
      --out PREFIX           write PREFIX-series.csv (every angle series) and PREFIX-claims.csv
      --fixture PATH         write the configuration and the refuted instances as an
                             AngleClaimFixture (JSON) for the claim's property test
    """

  static func run(_ arguments: [String]) throws {
    var o = try Options(arguments, booleanFlags: ["help"])
    if o.flag("help") {
      printError(help)
      return
    }
    if arguments.isEmpty { throw UsageRequested(help: help) }
    let named = o.string("network")
    guard let networkArgument = named ?? o.positional.first, o.positional.count == (named == nil ? 1 : 0) else {
      throw UsageError("expected one NETWORK (positional or --network), got \(o.positional)")
    }
    let spec = try NetworkSpec.load(path: try TrainCommand.resolveNetwork(networkArgument))
    let width = spec.hiddenWidths.min() ?? 1
    let ks = try o.value("k", "a comma-separated list of positive integers", Options.list(Options.positive))
      ?? Array(Set([1, 5, 10, 20, 50].map { min($0, width) })).sorted()
    let gammas = try o.value("gamma", "a comma-separated list of numbers in [0, 1)", Options.list { Float($0).flatMap { $0 >= 0 && $0 < 1 ? $0 : nil } })
      ?? [0.3, 0.5, 0.8, 0.9]
    let seeds = try o.value("seeds", "a comma-separated list of seeds", Options.list { UInt64($0) }) ?? [1, 2, 3]
    let epochs = try o.value("epochs", "a positive integer", Options.positive) ?? 1
    let every = try o.value("every", "a positive integer", Options.positive) ?? 1
    let datasetEvery = try o.value("dataset-every", "a positive integer", Options.positive) ?? 100
    let datasetSubset = try o.value("dataset-subset", "a positive integer", Options.positive) ?? 5000
    let trainLimit = try o.value("train-limit", "a positive integer", Options.positive)
    let steps = try o.value("steps", "a positive integer", Options.positive)
    let selection = try o.value("selection", "per-example or unified") { Selection(rawValue: $0) } ?? .perExample
    let dataDirectory = o.string("data")
    let threads = try o.value("threads", "a positive integer", Options.positive) ?? 1
    let subnormals = try o.subnormals()
    let out = o.string("out")
    let fixture = o.string("fixture")
    try o.checkAllConsumed()
    for k in ks { try spec.validate(k: k) }
    // Every output path is checked before any run.
    if let out {
      try OutputPath.checkWritableFile(out + "-series.csv", option: "--out")
      try OutputPath.checkWritableFile(out + "-claims.csv", option: "--out")
    }
    if let fixture { try OutputPath.checkWritableFile(fixture, option: "--fixture") }
    setBLASThreads(threads)
    subnormals.apply()

    var data = try TaskData.load(spec, dataDirectory: dataDirectory)
    if let trainLimit { data.train = data.train.slice(0..<min(trainLimit, data.train.count)) }
    let experiment = try AngleExperiment(
      spec: spec, data: data, epochs: epochs,
      schedule: AngleSchedule(every: every, datasetEvery: datasetEvery, datasetSubset: datasetSubset),
      stepLimit: steps)
    printError(
      "msbp angles \(spec.name): k \(ks), gamma \(gammas), seeds \(seeds), \(epochs) epoch(s)"
        + (steps.map { " (at most \($0) steps)" } ?? "") + ", train \(data.train.count), angles every \(every) step(s), "
        + "dataset angle every \(datasetEvery) steps on \(min(datasetSubset, data.train.count)) examples")

    var series = "network,mode,k,gamma,seed,measure,estimator,part,count,skipped,mean_deg,sd_deg,min_deg,max_deg\n"
    var claims = [ClaimInstance]()
    func addSeries(_ r: AngleRunResult, k: Int, gamma: Float?) {
      for key in r.angles.keys {
        let s = r.angles.series[key]!
        series += "\(spec.name),\(r.mode.name),\(k),\(gamma.map { "\($0)" } ?? ""),\(r.seed),\(key.measure.rawValue),"
          + "\(key.estimator.rawValue),\(key.part),\(s.count),\(s.skipped),\(s.mean),\(s.standardDeviation),\(s.minimum),\(s.maximum)\n"
      }
    }
    let clock = ContinuousClock()
    let start = clock.now
    for seed in seeds {
      for k in ks {
        let sbp = try experiment.run(.sbp(k: k, selection: selection), seed: seed)
        addSeries(sbp, k: k, gamma: nil)
        for gamma in gammas {
          let msbp = try experiment.run(.msbp(k: k, gamma: gamma, selection: selection), seed: seed)
          addSeries(msbp, k: k, gamma: gamma)
          let found = AngleClaim.instances(network: spec.name, k: k, gamma: gamma, seed: seed, sbp: sbp, msbp: msbp)
          claims += found
          let line = found.filter { $0.part == .whole }.map {
            String(format: "%@ %.2f vs %.2f %@", $0.measure.rawValue, $0.msbpMean, $0.sbpMean, $0.holds ? "holds" : "REFUTED")
          }.joined(separator: " | ")
          printError(String(format: "seed %llu k %d gamma %.2f [%.0fs]  whole vector MSBP vs SBP: ", seed, k, gamma,
                            seconds(clock.now - start)) + line)
        }
      }
    }
    print(ClaimTable.render(claims))
    if let out {
      try OutputPath.write(series, to: out + "-series.csv")
      try OutputPath.write(ClaimTable.csv(claims), to: out + "-claims.csv")
      printError("wrote \(out)-series.csv and \(out)-claims.csv")
    }
    if let fixture {
      try AngleClaimFixture(
        network: spec.name, ks: ks, gammas: gammas, seeds: seeds, epochs: epochs, steps: steps, trainLimit: trainLimit,
        every: every, datasetEvery: datasetEvery, datasetSubset: datasetSubset,
        command: "msbp angles " + arguments.joined(separator: " "), refuted: claims.filter { !$0.holds },
        instances: claims.count
      ).write(path: fixture)
      printError("wrote \(fixture)")
    }
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }
}
