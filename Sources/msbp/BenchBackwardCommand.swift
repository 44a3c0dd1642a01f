import Foundation
import SparseNetworks

/// `msbp bench-backward`: times one linear layer's backward pass in isolation (dense,
/// SBP, MSBP) on random data, to separate the layer kernels from the rest of training.
enum BenchBackwardCommand {
  static let help = """
    usage: msbp bench-backward [--batch 32] [--in 784] [--out 500] [--k 20] [--gamma 0.8]
                               [--selection per-example|unified] [--repeats 300] [--threads 1]
                               [--subnormals flush|keep]
    Prints the mean thread CPU time per backward call for dense, SBP and MSBP and the ratios.
    k must lie in 1...out, gamma in [0, 1).
    """

  static func run(_ arguments: [String]) throws {
    var o = try Options(arguments, booleanFlags: ["help"])
    if o.flag("help") {
      printError(help)
      return
    }
    func int(_ name: String, _ d: Int) throws -> Int {
      try o.value(name, "a positive integer") { Int($0).flatMap { $0 > 0 ? $0 : nil } } ?? d
    }
    let batch = try int("batch", 32)
    let n = try int("in", 784)
    let m = try int("out", 500)
    let k = try int("k", 20)
    let repeats = try int("repeats", 300)
    let threads = try int("threads", 1)
    let subnormals = try o.subnormals()
    let gamma = try o.value("gamma", "a number") { Float($0) } ?? 0.8
    let selection = try o.value("selection", "per-example or unified") { Selection(rawValue: $0) } ?? .perExample
    try o.checkAllConsumed()
    // The layer's sizes are bounded like a network file's, k lies in 1...m and gamma in [0, 1).
    try NetworkSpec.validate(sizes: [n, m], batchSize: batch, name: "bench-backward layer \(n) -> \(m)")
    try NetworkSpec.validate(k: k, widths: [m], network: "the layer \(n) -> \(m)")
    try BackwardMode.msbp(k: k, gamma: gamma, selection: selection).validate()
    setBLASThreads(threads)
    subnormals.apply()
    keepLargeAllocationsMapped()

    var rng = SeededGenerator(seed: 1)
    let layer = try Linear(inputSize: n, outputSize: m, using: &rng)
    func random(_ r: Int, _ c: Int) -> Matrix {
      var a = Matrix(rows: r, columns: c)
      for i in a.storage.indices { a.storage[i] = rng.nextFloat(in: -1, 1) }
      return a
    }
    let x = random(batch, n)
    let dhs = (0..<8).map { _ in random(batch, m) }
    var times: [(String, Double)] = []
    for mode in [BackwardMode.dense, .sbp(k: k, selection: selection), .msbp(k: k, gamma: gamma, selection: selection)] {
      for i in 0..<20 { layer.commitMemory(try layer.backward(dhs[i % 8], input: x, mode: mode)) }
      let start = threadCPUSeconds()
      for i in 0..<repeats {
        layer.commitMemory(try layer.backward(dhs[i % 8], input: x, mode: mode))
      }
      let s = (threadCPUSeconds() - start) / Double(repeats)
      times.append((mode.description, s))
    }
    // The selection alone (per-example top-k of a [B, m] gradient).
    let selectionStart = threadCPUSeconds()
    var checksum = 0
    for i in 0..<repeats { checksum &+= TopK.perExample(dhs[i % 8], k: k)[0][0] }
    let selectionSeconds = (threadCPUSeconds() - selectionStart) / Double(repeats)
    print("layer \(n) -> \(m), batch \(batch), k \(k), OpenBLAS threads \(threads)")
    print(String(format: "per-example top-k selection alone: %.1f us/call (checksum %d)", selectionSeconds * 1e6, checksum))
    for (name, s) in times {
      let padded = name.count < 40 ? name.padding(toLength: 40, withPad: " ", startingAt: 0) : name
      print(padded + String(format: " %9.1f us/call  speedup over dense %.2fx", s * 1e6, times[0].1 / s))
    }
  }
}
