import ExactArithmetic
import SeededRandom

/// Test matrices whose determinant or spectrum is known exactly by construction.
///
/// Every random generator takes an `inout` generator (so property-testing engines can drive
/// it) and has a `seed:` convenience; sizes and entry ranges are checked and reported as
/// `LinearAlgebraError.invalidArgument`.
public enum MatrixGenerators {
  private static func check(_ value: Int, _ name: String, atLeast minimum: Int) throws {
    guard value >= minimum else {
      throw LinearAlgebraError.invalidArgument(name: name, reason: "must be at least \(minimum), got \(value)")
    }
  }

  /// A random rational `a / b` with `|a| <= numeratorBound` and `1 <= b <= denominatorBound`.
  public static func randomRational<G: RandomNumberGenerator>(
    numeratorBound: Int, denominatorBound: Int, using generator: inout G
  ) throws -> Rational {
    try check(numeratorBound, "numeratorBound", atLeast: 0)
    try check(denominatorBound, "denominatorBound", atLeast: 1)
    return Rational(Int.random(in: -numeratorBound...numeratorBound, using: &generator),
                    Int.random(in: 1...denominatorBound, using: &generator))
  }

  /// The `n x n` Hilbert matrix `H_ij = 1 / (i + j + 1)` (zero-based), famously
  /// ill-conditioned, with a closed-form determinant.
  public static func hilbert(_ n: Int) throws -> RationalMatrix {
    try check(n, "n", atLeast: 1)
    return try RationalMatrix(rows: (0..<n).map { i in (0..<n).map { j in Rational(1, i + j + 1) } })
  }

  /// A random skew-symmetric rational matrix (`S^T = -S`) with small entries.
  public static func randomSkewSymmetric<G: RandomNumberGenerator>(
    dimension n: Int, numeratorBound: Int = 3, denominatorBound: Int = 4, using generator: inout G
  ) throws -> RationalMatrix {
    try check(n, "dimension", atLeast: 1)
    var s = RationalMatrix(unchecked: n, n, [Rational](repeating: .zero, count: n * n))
    for i in 0..<n {
      for j in (i + 1)..<max(i + 1, n) {
        let x = try randomRational(numeratorBound: numeratorBound, denominatorBound: denominatorBound, using: &generator)
        s[i, j] = x
        s[j, i] = -x
      }
    }
    return s
  }

  /// The Cayley transform `Q = (I - S)(I + S)^{-1}` of a skew-symmetric `S`: a *rational*
  /// orthogonal matrix (`Q^T Q = I` exactly). `I + S` is always invertible because the
  /// eigenvalues of `S` are purely imaginary. Throws `.notSquare` or `.invalidArgument`
  /// when `S` is not skew-symmetric.
  public static func cayleyTransform(_ s: RationalMatrix) throws -> RationalMatrix {
    guard s.isSquare else { throw LinearAlgebraError.notSquare(rows: s.rowCount, columns: s.columnCount) }
    let n = s.rowCount
    for i in 0..<n {
      for j in i..<n where s[i, j] != -s[j, i] {
        throw LinearAlgebraError.invalidArgument(name: "S", reason: "not skew-symmetric at (\(i), \(j))")
      }
    }
    let identity = RationalMatrix.identity(n)
    return try identity.subtracting(s).multiplied(by: identity.adding(s).inverse())
  }

  /// A random rational orthogonal matrix: the Cayley transform of a random skew-symmetric one.
  public static func randomOrthogonal<G: RandomNumberGenerator>(
    dimension n: Int, numeratorBound: Int = 3, denominatorBound: Int = 4, using generator: inout G
  ) throws -> RationalMatrix {
    try cayleyTransform(randomSkewSymmetric(
      dimension: n, numeratorBound: numeratorBound, denominatorBound: denominatorBound, using: &generator))
  }

  /// `Q diag(eigenvalues) Q^T` with `Q` a random rational orthogonal matrix: a symmetric
  /// matrix whose spectrum is exactly `eigenvalues`. Throws `.emptyMatrix` for no eigenvalues.
  public static func withSpectrum<G: RandomNumberGenerator>(
    _ eigenvalues: [Rational], using generator: inout G
  ) throws -> RationalMatrix {
    guard !eigenvalues.isEmpty else { throw LinearAlgebraError.emptyMatrix }
    let q = try randomOrthogonal(dimension: eigenvalues.count, using: &generator)
    return try q.multiplied(by: RationalMatrix.diagonal(eigenvalues)).multiplied(by: q.transposed())
  }

  /// A random `rows x columns` rational matrix with small entries.
  public static func random<G: RandomNumberGenerator>(
    rows: Int, columns: Int, numeratorBound: Int = 5, denominatorBound: Int = 4, using generator: inout G
  ) throws -> RationalMatrix {
    try check(rows, "rows", atLeast: 1)
    try check(columns, "columns", atLeast: 1)
    var entries: [Rational] = []
    for _ in 0..<(rows * columns) {
      entries.append(try randomRational(numeratorBound: numeratorBound, denominatorBound: denominatorBound, using: &generator))
    }
    return RationalMatrix(unchecked: rows, columns, entries)
  }

  /// A random symmetric positive definite matrix `M^T M + c I` (`M` random `n x n` with
  /// small entries); every eigenvalue is at least `c`. Throws unless `c > 0`.
  public static func randomPositiveDefinite<G: RandomNumberGenerator>(
    dimension n: Int, shift c: Rational = .one, numeratorBound: Int = 5, denominatorBound: Int = 4,
    using generator: inout G
  ) throws -> RationalMatrix {
    guard c.signum > 0 else { throw LinearAlgebraError.invalidArgument(name: "c", reason: "must be positive, got \(c)") }
    let m = try random(rows: n, columns: n, numeratorBound: numeratorBound, denominatorBound: denominatorBound, using: &generator)
    return try m.transposed().multiplied(by: m).shifted(by: c)
  }

  // MARK: Seeded conveniences

  /// `randomOrthogonal(dimension:using:)` driven by a SplitMix64 generator seeded with `seed`.
  public static func randomOrthogonal(dimension n: Int, seed: UInt64) throws -> RationalMatrix {
    var g = SplitMix64(seed: seed)
    return try randomOrthogonal(dimension: n, using: &g)
  }

  /// `withSpectrum(_:using:)` driven by a SplitMix64 generator seeded with `seed`.
  public static func withSpectrum(_ eigenvalues: [Rational], seed: UInt64) throws -> RationalMatrix {
    var g = SplitMix64(seed: seed)
    return try withSpectrum(eigenvalues, using: &g)
  }

  /// `randomPositiveDefinite(dimension:shift:using:)` driven by a SplitMix64 generator seeded with `seed`.
  public static func randomPositiveDefinite(dimension n: Int, shift c: Rational = .one, seed: UInt64) throws -> RationalMatrix {
    var g = SplitMix64(seed: seed)
    return try randomPositiveDefinite(dimension: n, shift: c, using: &g)
  }
}
