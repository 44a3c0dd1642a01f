import ExactArithmetic

/// A certificate that a symmetric matrix `A` is **not** positive definite, checkable by a
/// user without trusting this module: both halves are independent proofs.
///
/// - `leadingPrincipalMinor`: `det A[0..<order, 0..<order] <= 0` (Sylvester's criterion
///   fails), while all smaller leading minors are positive.
/// - `vector`: a non-zero `v` with `v^T A v = quadraticFormValue <= 0`.
public struct NotPositiveDefiniteCertificate: Sendable, Hashable, CustomStringConvertible {
  /// The order `k` (1-based) of the first leading principal minor that is `<= 0`.
  public var order: Int
  /// The value of that minor, `<= 0`.
  public var leadingPrincipalMinor: Rational
  /// A non-zero vector with `v^T A v <= 0`; zero beyond the first `order` entries.
  public var vector: RationalVector
  /// `v^T A v` (equal to `minor(order) / minor(order - 1)`, so `<= 0`).
  public var quadraticFormValue: Rational

  /// Checks the certificate against `matrix` from scratch: recomputes the minor with
  /// `determinant()` and the quadratic form with plain products.
  public func verify(against matrix: RationalMatrix) -> Bool {
    guard order >= 1, order <= matrix.rowCount, matrix.isSquare,
      vector.count == matrix.rowCount, vector.entries.contains(where: { !$0.isZero })
    else { return false }
    let block = (0..<order).map { i in (0..<order).map { j in matrix[i, j] } }
    guard let minor = try? RationalMatrix(rows: block).determinant(),
      let form = try? matrix.quadraticForm(vector)
    else { return false }
    return minor == leadingPrincipalMinor && minor.signum <= 0
      && form == quadraticFormValue && form.signum <= 0
  }

  public var description: String {
    "not positive definite: leading principal minor of order \(order) is \(leadingPrincipalMinor); v^T A v = \(quadraticFormValue) for v = \(vector)"
  }
}

/// The exact answer to "is this symmetric matrix positive definite?".
public enum PositiveDefiniteness: Sendable, Hashable {
  /// Every leading principal minor is positive.
  case positiveDefinite
  /// Not positive definite, with a certificate a user can check.
  case notPositiveDefinite(NotPositiveDefiniteCertificate)

  /// Whether the answer is `.positiveDefinite`.
  public var isPositiveDefinite: Bool {
    if case .positiveDefinite = self { return true }
    return false
  }
}

extension RationalMatrix {
  /// Decides exactly whether this symmetric matrix is positive definite (Sylvester's
  /// criterion on the Bareiss pivots, which are the leading principal minors).
  ///
  /// Throws only for unsuitable input (`.notSquare`, `.notSymmetric`); a matrix that is
  /// not positive definite is an *answer*, returned with its certificate.
  public func positiveDefiniteness() throws -> PositiveDefiniteness {
    try requireSymmetric()
    let n = rowCount
    let (d, b) = integerScaled()
    let elimination = SymmetricBareiss(b, dimension: n, stop: { $0.signum <= 0 })
    guard let k = elimination.pivots.firstIndex(where: { $0.signum <= 0 }) else {
      return .positiveDefinite
    }
    let minor = Rational.quotient(elimination.pivots[k], d.power(k + 1))
    // v = (-A_k^{-1} a, 1, 0, ...) with A_k the (positive definite) leading k x k block and
    // a = A[0..<k, k]; then v^T A v = minor(k+1) / minor(k) <= 0.
    var v = [Rational](repeating: .zero, count: n)
    v[k] = .one
    if k > 0 {
      let block = try RationalMatrix(rows: (0..<k).map { i in (0..<k).map { j in self[i, j] } })
      let rhs = RationalVector((0..<k).map { -self[$0, k] })
      let w = try block.solve(rhs)
      for i in 0..<k { v[i] = w[i] }
    }
    let vector = RationalVector(v)
    let value = try quadraticForm(vector)
    return .notPositiveDefinite(NotPositiveDefiniteCertificate(
      order: k + 1, leadingPrincipalMinor: minor, vector: vector, quadraticFormValue: value))
  }
}
