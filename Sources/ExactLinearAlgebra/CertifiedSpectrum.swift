import ExactArithmetic
#if canImport(Glibc)
import Glibc  // links libm for the Double rounding and square roots
#endif

/// How a bound on an extreme eigenvalue was proven.
public enum CertificationMethod: String, Sendable, Hashable, Comparable, CustomStringConvertible {
  /// `A - mu I` (or `L I - A`) written exactly as `R^T R + E` with `R` a floating-point
  /// Cholesky factor and the exact residual `E` proven positive semidefinite.
  case floatingCholeskyResidual
  /// Exact fraction-free `L D L^T` (with diagonal pivoting) of `A - mu I` (or `L I - A`)
  /// decided positive semidefinite.
  case exactLDLT
  /// Sturm-sequence root isolation on the exact characteristic polynomial (the fallback).
  case sturmIsolation

  public var description: String { rawValue }

  /// Ordered by cost, so that `max` names the most expensive method that was needed.
  public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
  private var rank: Int {
    switch self {
    case .floatingCholeskyResidual: return 0
    case .exactLDLT: return 1
    case .sturmIsolation: return 2
    }
  }
}

/// Certified bounds on the extreme eigenvalues of a symmetric rational matrix `A`:
/// `mu <= lambda_min(A) <= lambdaMinUpperBound` and `lambdaMaxLowerBound <= lambda_max(A) <= L`.
///
/// For Theorem 1 the loss `w^T A w / 2` is `mu'`-strongly convex for every
/// `mu' <= lambda_min` and `L'`-smooth for every `L' >= lambda_max`, so `mu` and `L` are the
/// sound values to feed a check. The inner bounds show how tight they are.
public struct CertifiedSpectrumBounds: Sendable, Hashable, CustomStringConvertible {
  /// A proven lower bound of the smallest eigenvalue.
  public var mu: Rational
  /// A proven upper bound of the smallest eigenvalue (a Rayleigh quotient, or a Sturm bound).
  public var lambdaMinUpperBound: Rational
  /// A proven lower bound of the largest eigenvalue.
  public var lambdaMaxLowerBound: Rational
  /// A proven upper bound of the largest eigenvalue.
  public var L: Rational
  /// How `mu` was certified.
  public var muMethod: CertificationMethod
  /// How `L` was certified.
  public var lMethod: CertificationMethod
  /// The relative gap that was requested and met:
  /// `lambdaMinUpperBound - mu <= relativeGap * |mu|` and `L - lambdaMaxLowerBound <= relativeGap * |L|`.
  public var relativeGap: Rational

  /// The most expensive of the two methods.
  public var method: CertificationMethod { max(muMethod, lMethod) }

  /// Whether `lambda_min` is known exactly (`mu == lambdaMinUpperBound`).
  public var isLambdaMinExact: Bool { mu == lambdaMinUpperBound }
  /// Whether `lambda_max` is known exactly (`L == lambdaMaxLowerBound`).
  public var isLambdaMaxExact: Bool { L == lambdaMaxLowerBound }

  public var description: String {
    "mu = \(mu) <= lambda_min <= \(lambdaMinUpperBound) [\(muMethod)]; \(lambdaMaxLowerBound) <= lambda_max <= L = \(L) [\(lMethod)]"
  }
}

/// The default relative gap, `2^-30`.
public let defaultRelativeGap = Rational.quotient(BigInt(1), BigInt(1) << 30)

extension RationalMatrix {
  /// Certified bounds `mu <= lambda_min` and `L >= lambda_max` of a symmetric matrix, each
  /// within `relativeGap` of the true value (see `CertifiedSpectrumBounds.relativeGap`).
  ///
  /// The fast way first: tridiagonal QL (Jacobi as backup) in `Double` estimates the extreme eigenpairs; the exact
  /// Rayleigh quotients of the (rounded) eigenvectors are proven inner bounds; the outer
  /// bounds are placed just outside and proven by showing `A - mu I` and `L I - A` positive
  /// semidefinite — with a floating Cholesky factor and an exact residual, else with exact
  /// `L D L^T`. A failed exact test returns a vector whose Rayleigh quotient tightens the
  /// inner bound, and the outer bound is moved; after a few failures, Sturm isolation on
  /// the exact characteristic polynomial decides. Throws `.notSymmetric`/`.notSquare`, or
  /// `.invalidArgument` unless `0 < relativeGap < 1`.
  public func certifiedExtremeEigenvalues(relativeGap: Rational = defaultRelativeGap) throws -> CertifiedSpectrumBounds {
    try requireSymmetric()
    guard relativeGap.signum > 0 && relativeGap < .one else {
      throw LinearAlgebraError.invalidArgument(name: "relativeGap", reason: "must satisfy 0 < relativeGap < 1, got \(relativeGap)")
    }
    let n = rowCount
    let form = ScaledSymmetricMatrix(self)
    // Tridiagonal QL is the fast estimator; Jacobi is the (slower, always converging) backup.
    let estimate = tridiagonalQLEigendecomposition(symmetric: form.doubles, dimension: n)
      ?? { let j = JacobiEigendecomposition(symmetric: form.doubles, dimension: n); return (j.eigenvalues, j.eigenvectors) }()
    // lambda_max(A) = -lambda_min(-A): both ends use the same lower-bound routine.
    let low = try certifiedLowestEigenvalue(
      form: form, estimateVector: estimate.eigenvectors[0], relativeGap: relativeGap)
    let high = try negated().certifiedLowestEigenvalue(
      form: form.negated, estimateVector: estimate.eigenvectors[n - 1], relativeGap: relativeGap)
    return CertifiedSpectrumBounds(
      mu: low.lower, lambdaMinUpperBound: low.upper,
      lambdaMaxLowerBound: -high.upper, L: -high.lower,
      muMethod: low.method, lMethod: high.method, relativeGap: relativeGap)
  }

  func negated() -> RationalMatrix { scaled(by: -Rational.one) }

  /// `(lower, upper, method)` with `lower <= lambda_min <= upper` and
  /// `upper - lower <= gap * |lower|`, for a symmetric matrix.
  func certifiedLowestEigenvalue(form: ScaledSymmetricMatrix, estimateVector: [Double], relativeGap gap: Rational) throws
    -> (lower: Rational, upper: Rational, method: CertificationMethod)
  {
    // Round the estimated eigenvector to integers of about 40 bits: the Rayleigh quotient
    // error is quadratic in the vector error, so this costs nothing in accuracy.
    let largest = estimateVector.reduce(0.0) { max($0, abs($1)) }
    var upper: Rational
    // Every entry must be finite: `max` skips a NaN, so `largest` alone does not tell.
    if largest > 0 && estimateVector.allSatisfy(\.isFinite) {
      let scale = Double(sign: .plus, exponent: 40 - largest.exponent, significand: 1)
      let v = estimateVector.map { BigInt(Int(($0 * scale).rounded())) }
      upper = form.rayleighQuotient(v)
    } else {
      upper = self[0, 0]  // e_0^T A e_0: still a valid upper bound of lambda_min.
    }
    for _ in 0..<4 {
      let candidate = Self.lowerCandidate(below: upper, gap: gap)
      // Floating proof first (only when there is room for a shift), then exact LDL^T.
      let room = (upper - candidate).doubleValue
      if room > 0 && form.provesSemidefinite(shift: candidate, floatingMargin: room / 2) {
        return (candidate, upper, .floatingCholeskyResidual)
      }
      switch try shifted(by: -candidate).semidefiniteness() {
      case .positiveSemidefinite(let rank):
        // Singular and semidefinite: candidate is itself the smallest eigenvalue.
        return (candidate, rank < rowCount ? candidate : upper, .exactLDLT)
      case .indefinite(let vector, _):
        // v^T (A - candidate I) v < 0, so its Rayleigh quotient is a better upper bound.
        let scale = commonDenominator(vector.entries)
        let better = form.rayleighQuotient(vector.entries.map { $0.scaledNumerator(by: scale) })
        upper = min(upper, better)
      }
    }
    let sturm = try sturmLowestEigenvalue(gap: gap)
    return (sturm.lower, sturm.upper, .sturmIsolation)
  }

  /// A short dyadic `mu` below `upper` with `upper - mu <= gap * |mu|`: `upper` minus
  /// three quarters of the allowed gap, rounded down to a grid of an eighth of it. The
  /// short grid keeps the integers of the later exact elimination small.
  static func lowerCandidate(below upper: Rational, gap: Rational) -> Rational {
    if upper.isZero { return .zero }
    let allowed = gap * upper.magnitude / (Rational.one + gap)
    let target = upper - allowed * Rational(3, 4)
    let step = allowed / Rational(8)
    // 2^-k <= step.
    let k = step.denominator.bitWidth - step.numerator.bitWidth + 1
    let scaled = k >= 0 ? target * Rational(BigInt(1) << k) : target / Rational(BigInt(1) << (-k))
    let grid = Rational(scaled.floor())
    return k >= 0 ? grid / Rational(BigInt(1) << k) : grid * Rational(BigInt(1) << (-k))
  }

  /// Gershgorin radius rounded up to an integer plus one: every eigenvalue lies strictly
  /// inside `(-R, R)`.
  func gershgorinRadius() -> BigInt {
    var radius = Rational.zero
    for i in 0..<rowCount {
      var s = Rational.zero
      for j in 0..<columnCount { s += self[i, j].magnitude }
      radius = max(radius, s)
    }
    return radius.ceil() + BigInt(1)
  }

  /// The smallest eigenvalue bracketed by Sturm bisection on the exact characteristic
  /// polynomial: `lower < lambda_min <= upper` (or both equal when it is hit exactly).
  func sturmLowestEigenvalue(gap: Rational) throws -> (lower: Rational, upper: Rational) {
    let p = try characteristicPolynomial()
    // The square-free part has the same roots and counts them exactly at any endpoint.
    let squareFree = SturmSequence(squareFreePartOf: p)
    let q = squareFree.polynomials[0]
    let r = gershgorinRadius()
    var a = Rational(-r)
    var b = Rational(r)
    let va = squareFree.signVariations(at: a)
    var vb = squareFree.signVariations(at: b)
    // Invariant: no root in (-R, a], the smallest root in (a, b].
    while true {
      if va - vb == 1 && q.sign(atNumerator: b.numerator, denominator: b.denominator) == 0 { return (b, b) }
      if b - a <= gap * min(a.magnitude, b.magnitude) { return (a, b) }
      // Split at 0 when it is inside, so that an eigenvalue 0 is hit exactly.
      let mid = (a.signum < 0 && b.signum > 0) ? Rational.zero : (a + b) / Rational(2)
      let vm = squareFree.signVariations(at: mid)
      if va - vm >= 1 { b = mid; vb = vm } else { a = mid }
    }
  }
}
