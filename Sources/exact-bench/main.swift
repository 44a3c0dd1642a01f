// exact-bench: the Swift wrapper (ExactArithmetic) against the same loops written in C
// directly on GMP (_CGMPBaseline), timed in the same process.
//
//   swift run -c release exact-bench [--repeat N] [--small]
//
// Prints, per workload, the best-of-N time of each side, the ratio Swift/C (target <= 1.3),
// whether both computed the same exact number, and the process's peak resident memory.

import ExactArithmetic
import _CGMPBaseline
import SeededRandom

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// SplitMix64 (SeededRandom) is the generator the C baseline implements too, so both
// sum the same rationals.

/// H_n = 1/1 + ... + 1/n.
func harmonic(_ n: Int) -> Rational {
  var sum = Rational.zero
  for i in 1...n { sum += Rational(1, i) }
  return sum
}

/// The same random small rationals as `cgmp_baseline_random_sum`.
func randomSum(count: Int, seed: UInt64) -> Rational {
  var rng = SplitMix64(seed: seed)
  var sum = Rational.zero
  for _ in 0..<count {
    let p = Int(rng.next() % 2001) - 1000
    let q = Int(rng.next() % 1000) + 1
    sum += Rational(p, q)
  }
  return sum
}

/// The digest the C side returns: (numerator mod p) << 32 | (denominator mod p).
func digest(_ x: Rational) -> UInt64 {
  let p = BigInt(Int(CGMP_BASELINE_DIGEST_PRIME))
  func reduced(_ z: BigInt) -> UInt64 {
    let r = z - (try! z.flooredQuotient(dividingBy: p)) * p
    return UInt64(Int(exactly: r)!)
  }
  return reduced(x.numerator) << 32 | reduced(x.denominator)
}

/// Peak resident set size of this process so far, in MiB (ru_maxrss is in KiB on Linux).
func peakResidentMiB() -> Double {
  var usage = rusage()
  #if os(Linux)
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024
  #else
  getrusage(RUSAGE_SELF, &usage)
  return Double(usage.ru_maxrss) / (1024 * 1024)
  #endif
}

func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

/// Best-of-`repeats` wall times of the C and the Swift loop, run alternately (C, Swift, C,
/// Swift, ...) so that both see the same machine load; returns the last results.
func bestAlternating<C, S>(_ repeats: Int, c: () -> C, swift: () -> S) -> (Double, C, Double, S) {
  let clock = ContinuousClock()
  var bestC = Double.infinity
  var bestSwift = Double.infinity
  var resultC: C? = nil
  var resultSwift: S? = nil
  for _ in 0..<repeats {
    bestC = min(bestC, seconds(clock.measure { resultC = c() }))
    bestSwift = min(bestSwift, seconds(clock.measure { resultSwift = swift() }))
  }
  return (bestC, resultC!, bestSwift, resultSwift!)
}

var repeats = 3
let arguments = CommandLine.arguments
if let i = arguments.firstIndex(of: "--repeat"), i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 {
  repeats = n
}

// `--small` shrinks the workloads (for running under valgrind as a leak check).
let small = arguments.contains("--small")
let harmonicSizes = small ? [2_000, 5_000] : [20_000, 100_000]
let randomCount = small ? 50_000 : 1_000_000

print("exact-bench: Swift ExactArithmetic vs C on GMP, best of \(repeats) runs")
print("workload                          C (s)   Swift (s)  Swift/C  same result  peak RSS (MiB)")
var worst = 0.0
@MainActor
func report(_ name: String, c: Double, swift: Double, same: Bool) {
  let ratio = swift / c
  worst = max(worst, ratio)
  let columns = [
    name.padding(to: 32), String(format6(c)).padding(to: 8), String(format6(swift)).padding(to: 10),
    format3(ratio).padding(to: 8), (same ? "yes" : "NO").padding(to: 12), format3(peakResidentMiB()),
  ]
  print(columns.joined(separator: " "))
}

for n in harmonicSizes {
  let (c, cDigest, s, value) = bestAlternating(
    repeats, c: { cgmp_baseline_harmonic(UInt(n)) }, swift: { harmonic(n) })
  report("H_n, n = \(n)", c: c, swift: s, same: digest(value) == cDigest)
}
do {
  let count = randomCount
  let seed: UInt64 = 20_201_103
  let (c, cDigest, s, value) = bestAlternating(
    repeats, c: { cgmp_baseline_random_sum(UInt(count), seed) },
    swift: { randomSum(count: count, seed: seed) })
  report("sum of \(count) small rationals", c: c, swift: s, same: digest(value) == cDigest)
}
print("worst ratio Swift/C: \(format3(worst)) (target <= 1.3)")

// Small formatting helpers (no Foundation).
func format3(_ x: Double) -> String { fixed(x, 3) }
func format6(_ x: Double) -> String { fixed(x, 4) }
func fixed(_ x: Double, _ digits: Int) -> String {
  (try? Rational(exactly: x))?.decimal(digits: digits) ?? "\(x)"
}
extension String {
  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
