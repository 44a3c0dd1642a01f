import Foundation
import SparseNetworks

/// `msbp train NETWORK [options]`: trains a reference network and reports per-epoch
/// progress on stderr and results as JSON/CSV.
enum TrainCommand {
  static let help = """
    usage: msbp train NETWORK [options]

    NETWORK is a name in Fixtures/networks/ (mnist-mlp-500, mnist-mlp-5000, digits-mlp)
    or a path to a network JSON file.

    options:
      --mode dense|sbp|msbp       backward of the hidden layers (default dense)
      --k K                       units propagated per example, 1...smallest hidden width
                                  (default: the network's k)
      --ratio R                   sparse ratio r in (0, 1]; k = round(r * hidden width), at least 1
      --gamma G                   MSBP memory ratio in [0, 1) (default: the network's gamma);
                                  --mode msbp only
      --selection per-example|unified   top-k per example (default) or meProp's unified top-k
      --bias from-g|dense         bias gradient from the estimate g (default) or dense
      --seed S                    seed of initialisation, shuffling and dropout (default 1)
      --seeds S1,S2,...           several runs, one per seed (instead of --seed)
      --epochs E                  epochs (default: the network's)
      --train-limit N             use only the first N training examples (quick runs)
      --data DIR                  data directory (MNIST files, or digits.csv.gz)
      --threads T                 OpenBLAS threads (default 1, for fair timings)
      \(Options.subnormalsHelp(column: 28))
      --out PREFIX                write PREFIX.json (all runs) and PREFIX.csv (per epoch)
    """

  static func run(_ arguments: [String]) throws {
    var o = try Options(arguments, booleanFlags: ["help"])
    if o.flag("help") {
      printError(help)
      return
    }
    if arguments.isEmpty { throw UsageRequested(help: help) }
    guard o.positional.count == 1 else { throw UsageError("expected one NETWORK argument, got \(o.positional)") }
    let spec = try NetworkSpec.load(path: try resolveNetwork(o.positional[0]))

    let modeName = o.string("mode") ?? "dense"
    let givenK = try o.value("k", "an integer") { Int($0) }
    let ratio = try o.value("ratio", "a number in (0, 1]", { Double($0).flatMap { $0 > 0 && $0 <= 1 ? $0 : nil } })
    let givenGamma = try o.value("gamma", "a number") { Float($0) }
    let selection = try o.value("selection", "per-example or unified") { Selection(rawValue: $0) }
      ?? spec.selection ?? .perExample
    let bias = try o.value("bias", "from-g or dense") { BiasGradient(rawValue: $0) } ?? .fromEstimate
    let epochs = try o.value("epochs", "a non-negative integer") { Int($0).flatMap { $0 >= 0 ? $0 : nil } } ?? spec.epochs
    let seed = try o.value("seed", "an unsigned integer") { UInt64($0) }
    let seedList = try o.value("seeds", "a comma-separated list of seeds", Options.list { UInt64($0) })
    let trainLimit = try o.value("train-limit", "a positive integer", Options.positive)
    let dataDirectory = o.string("data")
    let threads = try o.value("threads", "a positive integer", Options.positive) ?? 1
    let subnormals = try o.subnormals()
    let out = o.string("out")
    try o.checkAllConsumed()

    if seed != nil && seedList != nil { throw UsageError("give --seed or --seeds, not both") }
    let seeds = seedList ?? [seed ?? 1]
    if givenK != nil && ratio != nil { throw UsageError("give --k or --ratio, not both") }
    guard ["dense", "sbp", "msbp"].contains(modeName) else {
      throw UsageError("--mode must be dense, sbp or msbp, got '\(modeName)'")
    }
    if givenGamma != nil && modeName != "msbp" {
      throw UsageError("--gamma applies to --mode msbp only (--mode \(modeName) has no memory)")
    }
    let mode: BackwardMode
    if modeName == "dense" {
      mode = .dense
    } else {
      let k: Int? = if let ratio { try spec.k(ratio: ratio) } else { givenK ?? spec.k }
      guard let k else {
        throw UsageError("--mode \(modeName) needs --k or --ratio (the network has no default k)")
      }
      mode = modeName == "sbp"
        ? .sbp(k: k, selection: selection) : .msbp(k: k, gamma: givenGamma ?? spec.gamma ?? 0.8, selection: selection)
    }
    try spec.validate(mode)
    // Both output files are checked before any data is loaded or any training is done.
    if let out {
      try OutputPath.checkWritableFile(out + ".json", option: "--out")
      try OutputPath.checkWritableFile(out + ".csv", option: "--out")
    }
    setBLASThreads(threads)
    keepLargeAllocationsMapped()
    subnormals.apply()

    var data = try TaskData.load(spec, dataDirectory: dataDirectory)
    if let trainLimit { data.train = data.train.slice(0..<min(trainLimit, data.train.count)) }
    printError(
      "msbp train \(spec.name): \(mode), bias \(bias.rawValue), \(epochs) epochs, batch \(spec.batchSize), "
        + "train/dev/test \(data.train.count)/\(data.dev.count)/\(data.test.count), OpenBLAS threads \(threads), subnormals \(subnormals.rawValue)")

    var results = [TrainingResult]()
    for seed in seeds {
      let network = try spec.makeNetwork(seed: seed)
      let reports = try Trainer.train(
        network, data: data, options: BackwardOptions(mode: mode, biasGradient: bias),
        optimizer: try spec.optimizer.resolved().make(), batchSize: spec.batchSize, epochs: epochs, seed: seed
      ) { r in
        printError(String(
          format: "seed %llu epoch %d/%d  loss %.4f  dev %.2f%%  test %.2f%%  elapsed %.1fs  forward %.2fs  backward %.2fs  update %.2fs (phases: thread CPU time)",
          seed, r.epoch, epochs, r.trainLoss, 100 * r.devAccuracy, 100 * r.testAccuracy,
          r.elapsedSeconds, r.forwardSeconds, r.backwardSeconds, r.updateSeconds))
      }
      let (k, gamma): (Int?, Float?) =
        switch mode {
        case .dense: (nil, nil)
        case .sbp(let k, _): (k, nil)
        case .msbp(let k, let g, _): (k, g)
        }
      let result = TrainingResult(
        network: spec.name, mode: mode.name, k: k, gamma: gamma, selection: mode == .dense ? nil : selection.rawValue,
        biasGradient: bias.rawValue, seed: seed, epochs: reports)
      results.append(result)
      print(String(
        format: "%@,%@,seed=%llu,final_test=%.4f,test_at_best_dev=%.4f,backward_s_per_epoch=%.3f",
        spec.name, mode.description, seed, result.finalTestAccuracy, result.testAccuracyAtBestDev,
        result.totalBackwardSeconds / Double(max(reports.count, 1))))
      if let out { try write(results, to: out) }
    }
    if results.count > 1, let s = SeedSummary(results) {
      print(String(
        format: "%@,%@,seeds=%d,test_at_best_dev_mean=%.4f,test_at_best_dev_sd=%.4f,final_test_mean=%.4f,final_test_sd=%.4f,backward_s_per_epoch=%.3f",
        spec.name, mode.description, s.runs, s.testAtBestDev.mean, s.testAtBestDev.sd,
        s.finalTest.mean, s.finalTest.sd, s.backwardSecondsPerEpoch))
    }
  }

  /// A name in `Fixtures/networks/` (from the current directory) or a path.
  static func resolveNetwork(_ argument: String) throws -> String {
    if argument.hasSuffix(".json") || argument.contains("/") { return argument }
    let path = "Fixtures/networks/\(argument).json"
    guard FileManager.default.fileExists(atPath: path) else {
      throw UsageError(
        "no network named '\(argument)' in ./Fixtures/networks/: run from the repository root, "
          + "or pass the path of a network JSON file")
    }
    return path
  }

  /// Writes `PREFIX.json` (the results) and `PREFIX.csv` (one row per seed and epoch).
  static func write(_ results: [TrainingResult], to prefix: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    try OutputPath.write(try encoder.encode(results), to: prefix + ".json")
    var csv = "network,mode,k,gamma,selection,bias,seed,epoch,train_loss,dev_accuracy,test_accuracy,elapsed_s,forward_s,backward_s,update_s\n"
    for r in results {
      for e in r.epochs {
        csv += [
          r.network, r.mode, r.k.map(String.init) ?? "", r.gamma.map { "\($0)" } ?? "", r.selection ?? "",
          r.biasGradient, "\(r.seed)", "\(e.epoch)", "\(e.trainLoss)", "\(e.devAccuracy)", "\(e.testAccuracy)",
          "\(e.elapsedSeconds)", "\(e.forwardSeconds)", "\(e.backwardSeconds)", "\(e.updateSeconds)",
        ].joined(separator: ",") + "\n"
      }
    }
    try OutputPath.write(csv, to: prefix + ".csv")
  }
}
