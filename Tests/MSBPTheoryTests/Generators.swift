import ExactArithmetic
import PropertyTesting
@testable import MSBPTheory

/// Generators for the theory's property tests. Small integers and small
/// denominators keep exact arithmetic fast and make ties, zeros and
/// boundary cases frequent.
enum TheoryGen {
  /// A rational p/q with |p| <= bound, 1 <= q <= denominators.
  static func rational(bound: Int = 6, denominators: Int = 3) -> Gen<Rational> {
    Gen.zip(Gen.int(in: -bound...bound), Gen.int(in: 1...denominators)).map { Rational($0, $1) }
  }

  /// A vector of small integers (zeros and ties are common).
  static func intVector(count: ClosedRange<Int>, entries: ClosedRange<Int> = -4...4) -> Gen<[Rational]> {
    Gen.int(in: entries).map { Rational($0) }.array(count: count)
  }

  /// A vector of length exactly n.
  static func intVector(count n: Int, entries: ClosedRange<Int> = -4...4) -> Gen<[Rational]> {
    Gen.int(in: entries).map { Rational($0) }.array(count: n)
  }

  /// A non-zero vector of length n.
  static func nonZeroVector(count n: Int, entries: ClosedRange<Int> = -4...4) -> Gen<[Rational]> {
    intVector(count: n, entries: entries).filter { !VectorMath.isZero($0) }
  }
}

/// A random strongly convex quadratic with exactly known extreme eigenvalues:
/// `A = H D Hᵀ` with a rational Householder reflection H, so μ = min D and
/// L = max D are exact (and tight) certificates.
struct QuadraticInstance: CustomStringConvertible {
  let eigenvalues: [Rational]
  let reflector: [Rational]
  let loss: QuadraticLoss
  var mu: Rational { eigenvalues.min()! }
  var L: Rational { eigenvalues.max()! }
  var description: String {
    "eigenvalues \(eigenvalues), reflector \(reflector), w* \(loss.minimizer)"
  }

  static func gen(dimension: ClosedRange<Int> = 2...4) -> Gen<QuadraticInstance> {
    Gen.int(in: dimension).flatMap { n in
      Gen.zip(
        Gen.int(in: 1...9).map { Rational($0) }.array(count: n),
        TheoryGen.nonZeroVector(count: n, entries: -3...3),
        TheoryGen.intVector(count: n, entries: -3...3)
      ).map { d, v, wStar in
        let a = conjugate(diagonal: d, by: householder(v))
        return QuadraticInstance(eigenvalues: d, reflector: v, loss: try QuadraticLoss(hessian: a, minimizer: wStar))
      }
    }
  }
}
