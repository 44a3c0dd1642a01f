import ExactArithmetic

/// Exact positive (semi)definiteness of symmetric rational matrices by
/// symmetric Gaussian elimination (Schur complements).
///
/// Kept here (instead of waiting on a general linear-algebra routine) because
/// Theorem 1's certificates need exactly these two questions: is `A` SPD, and
/// are `A − μI` and `LI − A` positive semidefinite (i.e. is `μ <= λ_min` and
/// `L >= λ_max`)?
enum Definiteness {
  /// Whether `a` is square and symmetric.
  static func isSymmetric(_ a: [[Rational]]) -> Bool {
    let n = a.count
    for row in a where row.count != n { return false }
    for i in 0..<n { for j in 0..<i where a[i][j] != a[j][i] { return false } }
    return true
  }

  /// Positive definite (`strict`) or semidefinite: a positive pivot is
  /// eliminated (the Schur complement keeps the property); a negative pivot
  /// refutes; a zero pivot refutes definiteness, and refutes semidefiniteness
  /// unless its whole remaining row is zero.
  static func isPositive(_ matrix: [[Rational]], strict: Bool) -> Bool {
    var a = matrix
    let n = a.count
    for k in 0..<n {
      let p = a[k][k]
      if p.signValue < 0 { return false }
      if p.isZeroValue {
        if strict { return false }
        for j in (k + 1)..<max(n, k + 1) where !a[k][j].isZeroValue { return false }
        continue
      }
      for i in (k + 1)..<max(n, k + 1) where !a[i][k].isZeroValue {
        let f = a[i][k] / p
        for j in (k + 1)..<n { a[i][j] = a[i][j] - f * a[k][j] }
      }
    }
    return true
  }

  /// `a + shift · I`.
  static func shifted(_ a: [[Rational]], by shift: Rational, negate: Bool = false) -> [[Rational]] {
    var b = a
    for i in b.indices {
      for j in b[i].indices {
        b[i][j] = negate ? Rational(0) - b[i][j] : b[i][j]
      }
      b[i][i] = b[i][i] + shift
    }
    return b
  }
}
