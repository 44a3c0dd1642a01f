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
  /// unless its whole remaining row is zero (then the row is dropped).
  ///
  /// Fraction-free (Bareiss) on the matrix scaled to integers by the common
  /// denominator: every entry is the previous pivot times the rational Schur
  /// complement, so signs are those of the rational elimination, and no gcd is
  /// ever taken (rational elimination spent most of `theorem-check`'s time in
  /// GMP's gcd on 64-dimensional inputs).
  static func isPositive(_ matrix: [[Rational]], strict: Bool) -> Bool {
    var a = integerScaled(matrix)
    var active = Array(matrix.indices)
    var previous = BigInt(1)
    while !active.isEmpty {
      let k = active.removeFirst()
      let pivot = a[k][k]
      if pivot.signum < 0 { return false }
      if pivot.isZero {
        if strict { return false }
        for j in active where !a[k][j].isZero { return false }
        continue
      }
      for (position, i) in active.enumerated() {
        for j in active[position...] {
          // Exact: Bareiss guarantees `previous` divides the numerator.
          let entry = (try? (pivot * a[i][j] - a[i][k] * a[k][j]).flooredQuotient(dividingBy: previous))!
          a[i][j] = entry
          a[j][i] = entry
        }
      }
      previous = pivot
    }
    return true
  }

  /// `matrix` times the least common multiple of its denominators (a positive
  /// scalar, so (semi)definiteness is unchanged).
  private static func integerScaled(_ matrix: [[Rational]]) -> [[BigInt]] {
    var scale = BigInt(1)
    for row in matrix {
      for x in row {
        let d = x.denominator
        scale = (try? (scale * d).flooredQuotient(dividingBy: BigInt.gcd(scale, d)))!
      }
    }
    return matrix.map { row in
      row.map { x in x.numerator * (try? scale.flooredQuotient(dividingBy: x.denominator))! }
    }
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
