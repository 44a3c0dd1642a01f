import Foundation
import GradientAngles
import SparseNetworks

/// `msbp figures NETWORK [options]`: the experiments of the paper's Figures 1-3 on a
/// reference network: for each k and gamma (gamma = 0 is SBP) and each seed, one training
/// run; then mean test accuracy over seeds vs k (Figure 1), its standard deviation
/// (Figure 2), and the averaged run-time gradient estimation angles vs k for SBP and MSBP
/// (Figure 3). Writes CSV and SVG files into a directory.
enum FiguresCommand {
  static let help = """
    usage: msbp figures NETWORK [options]     (default NETWORK: mnist-mlp-500)

    options:
      --k LIST               units kept per example, each in 1...smallest hidden width
                             (default 5,10,20,50,100 clipped to the width)
      --gamma LIST           MSBP memory ratios; 0 (SBP) is always added (default 0.3,0.5,0.7,0.8,0.9)
      --seeds LIST           seeds (default 1,...,20)
      --epochs E             epochs per run (default: the network's)
      --every S              measure run-time angles every S steps (default 10)
      --train-limit N        use only the first N training examples
      --no-dense             skip the dense baseline runs
      --data DIR             data directory
      --threads T            OpenBLAS threads (default 1)
      \(Options.subnormalsHelp(column: 23))
      --out DIR              output directory (default figures-NETWORK)

    Writes DIR/runs.csv (one row per run), DIR/summary.csv (one row per k and gamma),
    DIR/figure1-accuracy.svg, DIR/figure2-accuracy-sd.svg, DIR/figure3-angles-whole.svg
    and DIR/figure3-angles-layer1.svg.
    """

  /// One finished run.
  struct Run {
    var k: Int?
    var gamma: Float?
    var seed: UInt64
    var result: AngleRunResult
  }

  static func run(_ arguments: [String]) throws {
    var o = try Options(arguments, booleanFlags: ["help", "no-dense"])
    if o.flag("help") {
      printError(help)
      return
    }
    guard o.positional.count <= 1 else { throw UsageError("expected at most one NETWORK, got \(o.positional)") }
    let spec = try NetworkSpec.load(path: try TrainCommand.resolveNetwork(o.string("network") ?? o.positional.first ?? "mnist-mlp-500"))
    let width = spec.hiddenWidths.min() ?? 1
    let ks = try o.value("k", "a comma-separated list of positive integers", Options.list(Options.positive))
      ?? Array(Set([5, 10, 20, 50, 100].map { min($0, width) })).sorted()
    let gammas = [0] + (try o.value("gamma", "a comma-separated list of numbers in (0, 1)",
                                    Options.list { Float($0).flatMap { $0 > 0 && $0 < 1 ? $0 : nil } })
      ?? [0.3, 0.5, 0.7, 0.8, 0.9])
    let seeds = try o.value("seeds", "a comma-separated list of seeds", Options.list { UInt64($0) })
      ?? Array(1...20)
    let epochs = try o.value("epochs", "a positive integer", Options.positive) ?? spec.epochs
    let every = try o.value("every", "a positive integer", Options.positive) ?? 10
    let trainLimit = try o.value("train-limit", "a positive integer", Options.positive)
    let dense = !o.flag("no-dense")
    let dataDirectory = o.string("data")
    let threads = try o.value("threads", "a positive integer", Options.positive) ?? 1
    let subnormals = try o.subnormals()
    let out = o.string("out") ?? "figures-\(spec.name)"
    try o.checkAllConsumed()
    for k in ks { try spec.validate(k: k) }
    // The output directory is made (and checked) before any data is loaded or run started.
    try OutputPath.prepareDirectory(out, option: "--out")
    setBLASThreads(threads)
    subnormals.apply()

    var data = try TaskData.load(spec, dataDirectory: dataDirectory)
    if let trainLimit { data.train = data.train.slice(0..<min(trainLimit, data.train.count)) }
    let experiment = try AngleExperiment(
      spec: spec, data: data, epochs: epochs, schedule: AngleSchedule(every: every, measures: [.runTime, .paired]))
    let total = seeds.count * (ks.count * gammas.count + (dense ? 1 : 0))
    printError(
      "msbp figures \(spec.name): k \(ks), gamma \(gammas), \(seeds.count) seeds, \(epochs) epoch(s), "
        + "train \(data.train.count), angles every \(every) steps: \(total) runs -> \(out)/")

    let clock = ContinuousClock()
    let start = clock.now
    var runs = [Run]()
    for seed in seeds {
      var jobs: [(Int?, Float?)] = dense ? [(nil, nil)] : []
      for k in ks { for g in gammas { jobs.append((k, g)) } }
      for (k, g) in jobs {
        let mode: BackwardMode = if let k, let g { g == 0 ? .sbp(k: k) : .msbp(k: k, gamma: g) } else { .dense }
        let r = try experiment.run(mode, seed: seed)
        runs.append(Run(k: k, gamma: g, seed: seed, result: r))
        let elapsed = AnglesCommand.seconds(clock.now - start)
        let eta = elapsed / Double(runs.count) * Double(total - runs.count)
        printError(String(
          format: "[%d/%d %.0fs, about %.0fs left] seed %llu %@: test %.2f%% (at best dev), run-time angle whole %.2f deg",
          runs.count, total, elapsed, eta, seed, mode.description, 100 * r.testAccuracyAtBestDev,
          runTimeMean(r, .whole).mean))
      }
      try write(runs, spec: spec, ks: ks, gammas: gammas, to: out)
    }
    printError("wrote \(out)/runs.csv, summary.csv and four SVG figures")
    print(try String(contentsOfFile: out + "/summary.csv", encoding: .utf8))
  }

  /// The run-time angle series of a run (SBP or MSBP, whichever it is).
  static func runTimeMean(_ r: AngleRunResult, _ part: ParameterPart) -> Summary {
    r.angles[.runTime, .sbp, part] ?? r.angles[.runTime, .msbp, part] ?? Summary()
  }

  static func write(_ runs: [Run], spec: NetworkSpec, ks: [Int], gammas: [Float], to dir: String) throws {
    let hiddenParts = (1..<(spec.sizes.count - 1)).map { ParameterPart.layer($0) }
    let parts = [ParameterPart.whole] + hiddenParts
    func cell(_ x: Double) -> String { x.isNaN ? "" : String(format: "%.6g", x) }

    var csv = "network,mode,k,gamma,seed,steps,test_accuracy_at_best_dev,final_test_accuracy,"
      + parts.map { "runtime_angle_\($0)_mean_deg,runtime_angle_\($0)_sd_deg" }.joined(separator: ",")
      + ",paired_sbp_whole_mean_deg,paired_msbp_whole_mean_deg\n"
    for r in runs {
      csv += "\(spec.name),\(r.result.mode.name),\(r.k.map(String.init) ?? ""),\(r.gamma.map { "\($0)" } ?? ""),\(r.seed),\(r.result.steps),"
        + "\(cell(r.result.testAccuracyAtBestDev)),\(cell(r.result.testAccuracy.last ?? .nan)),"
        + parts.map { p in let s = runTimeMean(r.result, p); return "\(cell(s.mean)),\(cell(s.standardDeviation))" }.joined(separator: ",")
        + ",\(cell(r.result.angles[.paired, .sbp, .whole]?.mean ?? .nan)),\(cell(r.result.angles[.paired, .msbp, .whole]?.mean ?? .nan))\n"
    }
    try OutputPath.write(csv, to: dir + "/runs.csv")

    // Aggregates over seeds.
    struct Cell { var accuracy = Summary(); var angles: [ParameterPart: Summary] = [:] }
    var cells = [String: Cell]()
    func key(_ k: Int?, _ g: Float?) -> String { "\(k.map(String.init) ?? "dense")|\(g.map { "\($0)" } ?? "")" }
    for r in runs {
      var c = cells[key(r.k, r.gamma), default: Cell()]
      c.accuracy.record(r.result.testAccuracyAtBestDev)
      if r.k != nil {
        for p in parts { c.angles[p, default: Summary()].record(runTimeMean(r.result, p).mean) }
      }
      cells[key(r.k, r.gamma)] = c
    }
    var summary = "network,k,gamma,method,seeds,accuracy_mean,accuracy_sd,"
      + parts.map { "runtime_angle_\($0)_mean_deg" }.joined(separator: ",") + "\n"
    if let d = cells[key(nil, nil)] {
      summary += "\(spec.name),,,dense,\(d.accuracy.count),\(cell(d.accuracy.mean)),\(cell(d.accuracy.standardDeviation)),"
        + parts.map { _ in "" }.joined(separator: ",") + "\n"
    }
    for k in ks {
      for g in gammas {
        guard let c = cells[key(k, g)] else { continue }
        summary += "\(spec.name),\(k),\(g),\(g == 0 ? "sbp" : "msbp"),\(c.accuracy.count),\(cell(c.accuracy.mean)),\(cell(c.accuracy.standardDeviation)),"
          + parts.map { cell(c.angles[$0]?.mean ?? .nan) }.joined(separator: ",") + "\n"
      }
    }
    try OutputPath.write(summary, to: dir + "/summary.csv")

    // The figures.
    func name(_ g: Float) -> String { g == 0 ? "SBP (gamma = 0)" : "MSBP gamma = \(g)" }
    func line(_ g: Float, _ value: (Cell) -> Double, errors: ((Cell) -> Double)? = nil) -> LineChart.Series {
      let present = ks.compactMap { k in cells[key(k, g)].map { (k, $0) } }
      return LineChart.Series(
        name: name(g), points: present.map { (Double($0.0), value($0.1)) },
        errors: errors.map { e in present.map { e($0.1) } }, dashed: g == 0)
    }
    var baseline: [LineChart.Series] = []
    var sdBaseline: [LineChart.Series] = []
    if let d = cells[key(nil, nil)], let lo = ks.min(), let hi = ks.max() {
      baseline = [LineChart.Series(name: "dense MLP", points: [(Double(lo), 100 * d.accuracy.mean), (Double(hi), 100 * d.accuracy.mean)], dashed: true)]
      sdBaseline = [LineChart.Series(name: "dense MLP", points: [(Double(lo), 100 * d.accuracy.standardDeviation), (Double(hi), 100 * d.accuracy.standardDeviation)], dashed: true)]
    }
    let seedCount = Set(runs.map(\.seed)).count
    let fig1 = LineChart(
      title: "Figure 1: mean test accuracy over \(seedCount) seeds (\(spec.name))", xLabel: "k (units kept per example)",
      yLabel: "accuracy (%)", series: gammas.map { line($0, { 100 * $0.accuracy.mean }) } + baseline)
    let fig2 = LineChart(
      title: "Figure 2: standard deviation of test accuracy over \(seedCount) seeds", xLabel: "k (units kept per example)",
      yLabel: "accuracy s.d. (percentage points)", series: gammas.map { line($0, { 100 * $0.accuracy.standardDeviation }) } + sdBaseline)
    func fig3(_ part: ParameterPart, _ what: String) -> LineChart {
      LineChart(
        title: "Figure 3: averaged run-time gradient estimation angle, \(what)", xLabel: "k (units kept per example)",
        yLabel: "angle (degrees)", series: gammas.map { line($0, { $0.angles[part]?.mean ?? .nan }) })
    }
    try OutputPath.write(fig1.svg(), to: dir + "/figure1-accuracy.svg")
    try OutputPath.write(fig2.svg(), to: dir + "/figure2-accuracy-sd.svg")
    try OutputPath.write(fig3(.whole, "whole parameter vector").svg(), to: dir + "/figure3-angles-whole.svg")
    try OutputPath.write(fig3(.layer(1), "first hidden layer").svg(), to: dir + "/figure3-angles-layer1.svg")
  }
}
