import PropertyTesting
import ExactArithmetic
@testable import ExactLinearAlgebra

// Independent reference computations for the tests: deliberately naive code paths
// (cofactor expansion, schoolbook polynomial products) that share nothing with the
// module's fraction-free elimination or multimodular methods.

func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d) }

/// A deterministic generator for tests that do not go through the property engine: the
/// shared SplitMix64 behind an unlabeled initializer.
struct TestGenerator: RandomNumberGenerator {
  private var base: SplitMix64
  init(_ seed: UInt64) { base = SplitMix64(seed: seed) }
  mutating func next() -> UInt64 { base.next() }
}

/// Determinant by Laplace expansion along the first row (only for tiny matrices).
func cofactorDeterminant(_ a: [[Rational]]) -> Rational {
  let n = a.count
  if n == 1 { return a[0][0] }
  var sum = Rational.zero
  for j in 0..<n where !a[0][j].isZero {
    let minor = (1..<n).map { i in (0..<n).filter { $0 != j }.map { a[i][$0] } }
    let term = a[0][j] * cofactorDeterminant(minor)
    sum = j % 2 == 0 ? sum + term : sum - term
  }
  return sum
}

/// `v^T A v` by explicit double sum.
func naiveQuadraticForm(_ a: RationalMatrix, _ v: [Rational]) -> Rational {
  var s = Rational.zero
  for i in 0..<a.rowCount { for j in 0..<a.columnCount { s += v[i] * a[i, j] * v[j] } }
  return s
}

/// Coefficients (constant first) of `prod_i (x - roots[i])`, schoolbook.
func polynomialWithRoots(_ roots: [Rational]) -> [Rational] {
  var p: [Rational] = [.one]
  for r in roots {
    var next = [Rational](repeating: .zero, count: p.count + 1)
    for (k, c) in p.enumerated() {
      next[k + 1] += c
      next[k] -= r * c
    }
    p = next
  }
  return p
}

/// `prod_{i=1}^{n-1} i!` as an exact integer.
func superfactorial(_ n: Int) -> BigInt {
  var result = BigInt(1)
  var factorial = BigInt(1)
  if n > 1 {
    for i in 1..<n {
      factorial = factorial * BigInt(i)
      result = result * factorial
    }
  }
  return result
}

/// Two to the power `-k`.
func twoToMinus(_ k: Int) -> Rational { Rational.one / Rational(BigInt(1) << k) }
