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
      --k K                       units propagated per example (default: the network's k)
      --ratio R                   sparse ratio r; k = round(r * hidden width)
      --gamma G                   MSBP memory ratio in [0, 1) (default: the network's gamma)
      --selection per-example|unified   top-k per example (default) or meProp's unified top-k
      --bias from-g|dense         bias gradient from the estimate g (default) or dense
      --seed S                    seed of initialisation, shuffling and dropout (default 1)
      --seeds S1,S2,...           several runs, one per seed
      --epochs E                  epochs (default: the network's)
      --train-limit N             use only the first N training examples (quick runs)
      --data DIR                  data directory (MNIST files, or digits.csv.gz)
      --threads T                 OpenBLAS threads (default 1, for fair timings)
      --out PREFIX                write PREFIX.json (all runs) and PREFIX.csv (per epoch)
    """

  static func run(_ arguments: [String]) throws {
    var o = try Options(arguments, booleanFlags: ["help"])
    if o.flag("help") || arguments.isEmpty {
      printError(help)
      return
    }
    guard o.positional.count == 1 else { throw UsageError("expected one NETWORK argument, got \(o.positional)") }
    let spec = try NetworkSpec.load(path: try resolveNetwork(o.positional[0]))

    let modeName = o.string("mode") ?? "dense"
    let hidden = Array(spec.sizes.dropFirst().dropLast())
    var k = try o.value("k", "a positive integer") { Int($0) } ?? spec.k
    if let r = try o.value("ratio", "a number in (0, 1]", { Double($0).flatMap { $0 > 0 && $0 <= 1 ? $0 : nil } }) {
      guard Set(hidden).count <= 1, let width = hidden.first else {
        throw UsageError("--ratio needs hidden layers of one width (got \(hidden)); use --k")
      }
      k = max(1, Int((r * Double(width)).rounded()))
    }
    let gamma = try o.value("gamma", "a number") { Float($0) } ?? spec.gamma ?? 0.8
    let selection = try o.value("selection", "per-example or unified") { Selection(rawValue: $0) }
      ?? spec.selection ?? .perExample
    let bias = try o.value("bias", "from-g or dense") { BiasGradient(rawValue: $0) } ?? .fromEstimate
    let epochs = try o.value("epochs", "a non-negative integer") { Int($0).flatMap { $0 >= 0 ? $0 : nil } } ?? spec.epochs
    var seeds = [try o.value("seed", "an unsigned integer") { UInt64($0) } ?? 1]
    if let list = try o.value("seeds", "a comma-separated list of seeds", { s in
      let parsed = s.split(separator: ",").compactMap { UInt64($0) }
      return parsed.isEmpty || parsed.count != s.split(separator: ",").count ? nil : parsed
    }) { seeds = list }
    let trainLimit = try o.value("train-limit", "a positive integer") { Int($0).flatMap { $0 > 0 ? $0 : nil } }
    let dataDirectory = o.string("data")
    let threads = try o.value("threads", "a positive integer") { Int($0).flatMap { $0 > 0 ? $0 : nil } } ?? 1
    let out = o.string("out")
    try o.checkAllConsumed()

    let mode: BackwardMode
    switch modeName {
    case "dense": mode = .dense
    case "sbp", "msbp":
      guard let k else { throw UsageError("--mode \(modeName) needs --k or --ratio (the network has no default k)") }
      mode = modeName == "sbp" ? .sbp(k: k, selection: selection) : .msbp(k: k, gamma: gamma, selection: selection)
    default: throw UsageError("--mode must be dense, sbp or msbp, got '\(modeName)'")
    }
    try mode.validate()
    setBLASThreads(threads)
    keepLargeAllocationsMapped()

    var data = try TaskData.load(spec, dataDirectory: dataDirectory)
    if let trainLimit { data.train = data.train.slice(0..<min(trainLimit, data.train.count)) }
    printError(
      "msbp train \(spec.name): \(mode), bias \(bias.rawValue), \(epochs) epochs, batch \(spec.batchSize), "
        + "train/dev/test \(data.train.count)/\(data.dev.count)/\(data.test.count), OpenBLAS threads \(threads)")

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
      let result = TrainingResult(
        network: spec.name, mode: mode.name, k: mode == .dense ? nil : k,
        gamma: modeName == "msbp" ? gamma : nil, selection: mode == .dense ? nil : selection.rawValue,
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
    try encoder.encode(results).write(to: URL(fileURLWithPath: prefix + ".json"))
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
    try csv.write(toFile: prefix + ".csv", atomically: true, encoding: .utf8)
  }
}
