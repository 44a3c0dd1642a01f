// linalg-bench: certified extreme eigenvalues (relative gap 2^-30) and exact characteristic
// polynomials of random rational SPD matrices, against python-flint 0.9 run in the same
// session on the same matrices. Run in release:
//
//     swift run -c release linalg-bench [--sizes 16,32,64,128] [--python python3]
import ExactArithmetic
import ExactLinearAlgebra
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Peak resident set size of this process so far, in MiB. Linux's `VmHWM` first: unlike
/// `ru_maxrss` it is reset by `exec`, so `swift run` (which execs the benchmark) does not
/// leak its own peak into ours.
func peakRSSMiB() -> Double {
  if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
    let kib = Double(line.split(separator: " ").dropFirst().first ?? "")
  {
    return kib / 1024
  }
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024
}

/// CPU time of this process in seconds. CPU time, not wall time, because the benchmark
/// shares its cores with other jobs: wall time would measure the machine's load. The peer
/// reports `time.process_time()`, the same quantity.
func processCPUSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// The best (minimum) CPU time of `repetitions` runs, and the last result.
func bestTime<T>(_ repetitions: Int, _ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
  var best = Double.infinity
  var result: T? = nil
  for _ in 0..<max(repetitions, 1) {
    let start = processCPUSeconds()
    result = try body()
    best = min(best, processCPUSeconds() - start)
  }
  return (best, result!)
}

func format(_ seconds: Double) -> String {
  seconds < 1 ? String(format: "%8.2f ms", seconds * 1000) : String(format: "%8.3f s ", seconds)
}

/// The method column: how the weaker of the two bounds was certified.
func shortName(_ method: CertificationMethod) -> String {
  switch method {
  case .floatingCholeskyResidual: return "Cholesky+residual"
  case .exactLDLT: return "exact LDL^T"
  case .sturmIsolation: return "Sturm"
  }
}

var sizes = [16, 32, 64, 128]
var python = "python3"
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--sizes":
    sizes = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
  case "--python":
    python = arguments.popFirst() ?? python
  default:
    print("usage: linalg-bench [--sizes 16,32,64,128] [--python python3]")
    exit(2)
  }
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("linalg-bench-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let scriptPath = directory.appendingPathComponent("flint_peer.py").path
try flintPeerScript.write(toFile: scriptPath, atomically: true, encoding: .utf8)

print("linalg-bench: A = M^T M + I, M random n x n with entries a/b, |a| <= 5, 1 <= b <= 4 (seeded)")
print("certified mu <= lambda_min, L >= lambda_max at relative gap 2^-30; times are CPU seconds, best of several runs\n")
print("   n | Swift extremes | method             | FLINT charpoly+roots | ratio | Swift charpoly | FLINT charpoly | ratio | Swift RSS | FLINT RSS")
print(String(repeating: "-", count: 146))
var flintVersion = "not run"
for n in sizes {
  let a = try MatrixGenerators.randomPositiveDefinite(dimension: n, seed: UInt64(1000 + n))
  let repetitions = n <= 32 ? 5 : (n <= 64 ? 3 : 1)
  let wantCharpoly = n <= 64
  let extremes = try bestTime(repetitions) { try a.certifiedExtremeEigenvalues() }
  let charpoly = wantCharpoly ? try bestTime(repetitions) { try a.characteristicPolynomial() } : nil
  let swiftRSS = peakRSSMiB()

  let matrixPath = directory.appendingPathComponent("a\(n).txt").path
  try a.rows.map { $0.map { "\($0)" }.joined(separator: " ") }.joined(separator: "\n")
    .write(toFile: matrixPath, atomically: true, encoding: .utf8)
  let peer = runFlintPeer(python: python, scriptPath: scriptPath, matrixPath: matrixPath,
                          repetitions: repetitions, charpoly: wantCharpoly)
  if let peer { flintVersion = peer.flint }

  // Cross-checks: FLINT's roots must lie in our certified brackets (up to its ball radius,
  // so compared in Double with slack), and the characteristic polynomials must be equal.
  let b = extremes.result
  if let peer {
    let slack = 1e-12
    if peer.lambda_min < b.mu.doubleValue * (1 - slack) || peer.lambda_max > b.L.doubleValue * (1 + slack) {
      print("MISMATCH: FLINT eigenvalues outside certified bounds at n = \(n)")
    }
    if let ours = charpoly?.result, let theirs = peer.charpoly {
      let parsed = try theirs.map { try Rational(parsing: $0) }
      if parsed != ours.coefficients { print("MISMATCH: characteristic polynomials differ at n = \(n)") }
    }
  }
  func ratio(_ ours: Double?, _ theirs: Double?) -> String {
    guard let ours, let theirs, theirs > 0 else { return "    -" }
    return String(format: "%5.2f", ours / theirs)
  }
  let line = [
    String(format: "%4d", n),
    " " + format(extremes.seconds) + "   ",
    " " + shortName(b.method).padding(toLength: 18, withPad: " ", startingAt: 0),
    " " + (peer.map { format($0.extremes_seconds) } ?? "       -   ") + "         ",
    ratio(extremes.seconds, peer?.extremes_seconds),
    " " + (charpoly.map { format($0.seconds) } ?? "       -   ") + "   ",
    " " + (peer?.charpoly_seconds.map { format($0) } ?? "       -   ") + "   ",
    ratio(charpoly?.seconds, peer?.charpoly_seconds),
    String(format: " %6.1f MiB", swiftRSS),
    peer.map { String(format: " %6.1f MiB", Double($0.peak_rss_kb) / 1024) } ?? "       -",
  ]
  print(line.joined(separator: " |"))
  if n == 64, let peer, let cp = peer.charpoly_seconds {
    print("      target at n = 64: Swift certified extremes \(format(extremes.seconds)) vs FLINT charpoly alone \(format(cp)): \(extremes.seconds < cp ? "met" : "NOT met")")
  }
}
print("\nratio = Swift time / FLINT time (below 1: Swift faster). python-flint \(flintVersion). RSS = peak resident set size of each process so far.")
