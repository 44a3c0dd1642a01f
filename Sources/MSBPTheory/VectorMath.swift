import ExactArithmetic

/// Exact helpers on rational vectors stored as `[Rational]`.
///
/// The theory checks work on plain arrays so that callers (the CLI, the
/// network modules) need no conversion; dimensions are checked by the public
/// entry points, which throw `TheoryError.dimensionMismatch`.
public enum VectorMath {
  /// u · v (dimensions must agree; checked by callers).
  public static func dot(_ u: [Rational], _ v: [Rational]) -> Rational {
    var s = Rational(0)
    for i in u.indices { s = s + u[i] * v[i] }
    return s
  }

  /// ‖u‖².
  public static func squaredNorm(_ u: [Rational]) -> Rational { dot(u, u) }

  /// u − v.
  public static func subtract(_ u: [Rational], _ v: [Rational]) -> [Rational] {
    u.indices.map { u[$0] - v[$0] }
  }

  /// u + v.
  public static func add(_ u: [Rational], _ v: [Rational]) -> [Rational] {
    u.indices.map { u[$0] + v[$0] }
  }

  /// c · u.
  public static func scale(_ u: [Rational], by c: Rational) -> [Rational] { u.map { $0 * c } }

  /// A · x for a matrix given by rows.
  public static func multiply(_ a: [[Rational]], _ x: [Rational]) -> [Rational] {
    a.map { dot($0, x) }
  }

  /// Aᵀ · x for a matrix given by rows.
  public static func multiplyTransposed(_ a: [[Rational]], _ x: [Rational]) -> [Rational] {
    guard let columns = a.first?.count else { return [] }
    var result = [Rational](repeating: Rational(0), count: columns)
    for i in a.indices {
      for j in 0..<columns { result[j] = result[j] + a[i][j] * x[i] }
    }
    return result
  }

  /// Whether every entry is zero.
  public static func isZero(_ u: [Rational]) -> Bool { u.allSatisfy { $0.isZeroValue } }

  /// Throws `dimensionMismatch` naming `what` unless `u.count == expected`.
  static func requireCount(_ u: [Rational], _ expected: Int, _ what: String) throws {
    if u.count != expected {
      throw TheoryError.dimensionMismatch(what: what, expected: expected, actual: u.count)
    }
  }
}
