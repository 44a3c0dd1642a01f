import ExactArithmetic

/// A strongly convex quadratic loss `ℓ(w) = ½ (w − w*)ᵀ A (w − w*)` with a
/// rational symmetric positive definite `A`: the test bed of Theorem 1.
///
/// Its Hessian is `A` everywhere, so `ℓ` is μ-strongly convex and L-smooth
/// exactly for `μ <= λ_min(A)` and `L >= λ_max(A)`, its gradient is
/// `A (w − w*)` and its unique global minimizer is `w*`.
public struct QuadraticLoss: Sendable {
  /// The Hessian A (rows), symmetric positive definite.
  public let hessian: [[Rational]]
  /// The global minimizer w*.
  public let minimizer: [Rational]

  /// The dimension n of w.
  public var dimension: Int { minimizer.count }

  /// `ℓ(w) = ½ (w − w*)ᵀ A (w − w*)`.
  /// - Throws: `dimensionMismatch` or `notPositiveDefinite("hessian A")`.
  public init(hessian: [[Rational]], minimizer: [Rational]) throws {
    let n = hessian.count
    for (i, row) in hessian.enumerated() {
      try VectorMath.requireCount(row, n, "row \(i) of hessian A")
    }
    try VectorMath.requireCount(minimizer, n, "minimizer w*")
    if n == 0 { throw TheoryError.outOfRange(what: "dimension", value: "0", allowed: "[1, ∞)") }
    guard Definiteness.isSymmetric(hessian), Definiteness.isPositive(hessian, strict: true) else {
      throw TheoryError.notPositiveDefinite("hessian A")
    }
    self.hessian = hessian
    self.minimizer = minimizer
  }

  /// `ℓ(w) = ½ wᵀ A w − bᵀ w` (plus a constant): the minimizer is `w* = A⁻¹ b`,
  /// found by exact Gaussian elimination.
  public init(hessian: [[Rational]], linearTerm b: [Rational]) throws {
    let n = hessian.count
    try VectorMath.requireCount(b, n, "linear term b")
    for (i, row) in hessian.enumerated() {
      try VectorMath.requireCount(row, n, "row \(i) of hessian A")
    }
    guard n > 0, Definiteness.isSymmetric(hessian), Definiteness.isPositive(hessian, strict: true) else {
      throw TheoryError.notPositiveDefinite("hessian A")
    }
    try self.init(hessian: hessian, minimizer: QuadraticLoss.solve(hessian, b))
  }

  /// ∇ℓ(w) = A (w − w*).
  public func gradient(at w: [Rational]) throws -> [Rational] {
    try VectorMath.requireCount(w, dimension, "parameter w")
    return VectorMath.multiply(hessian, VectorMath.subtract(w, minimizer))
  }

  /// ℓ(w).
  public func value(at w: [Rational]) throws -> Rational {
    try VectorMath.requireCount(w, dimension, "parameter w")
    let e = VectorMath.subtract(w, minimizer)
    return VectorMath.dot(e, VectorMath.multiply(hessian, e)) * Rational(1, 2)
  }

  /// Checks a strong-convexity/smoothness certificate exactly:
  /// `0 < μ <= λ_min(A)` (A − μI ⪰ 0) and `L >= λ_max(A)` (LI − A ⪰ 0).
  /// - Throws: `invalidCertificate` naming the failing bound.
  public func verifyCertificate(mu: Rational, L: Rational) throws {
    if mu.signValue <= 0 {
      throw TheoryError.invalidCertificate("mu = \(mu) must be > 0")
    }
    if mu > L { throw TheoryError.invalidCertificate("mu = \(mu) exceeds L = \(L)") }
    if !Definiteness.isPositive(Definiteness.shifted(hessian, by: Rational(0) - mu), strict: false) {
      throw TheoryError.invalidCertificate("mu = \(mu) exceeds lambda_min(A)")
    }
    if !Definiteness.isPositive(Definiteness.shifted(hessian, by: L, negate: true), strict: false) {
      throw TheoryError.invalidCertificate("L = \(L) is below lambda_max(A)")
    }
  }

  /// Solves A x = b for a nonsingular A by Gaussian elimination with row pivoting.
  static func solve(_ matrix: [[Rational]], _ b: [Rational]) throws -> [Rational] {
    var a = matrix
    var y = b
    let n = a.count
    for k in 0..<n {
      guard let p = (k..<n).first(where: { !a[$0][k].isZeroValue }) else {
        throw TheoryError.notPositiveDefinite("hessian A (singular)")
      }
      a.swapAt(k, p)
      y.swapAt(k, p)
      for i in (k + 1)..<max(n, k + 1) where !a[i][k].isZeroValue {
        let f = a[i][k] / a[k][k]
        for j in k..<n { a[i][j] = a[i][j] - f * a[k][j] }
        y[i] = y[i] - f * y[k]
      }
    }
    var x = [Rational](repeating: Rational(0), count: n)
    for i in stride(from: n - 1, through: 0, by: -1) {
      var s = y[i]
      for j in (i + 1)..<n { s = s - a[i][j] * x[j] }
      x[i] = s / a[i][i]
    }
    return x
  }
}
