import ExactArithmetic
@testable import MSBPTheory

/// p/q as a Rational.
func q(_ p: Int, _ d: Int = 1) -> Rational { Rational(p, d) }

/// A vector of rationals from integers.
func vec(_ xs: Int...) -> [Rational] { xs.map { Rational($0) } }

/// The repository root, found from this file's path (never from the current directory).
func repositoryRoot(filePath: String = #filePath) -> String {
  var parts = filePath.split(separator: "/", omittingEmptySubsequences: false)
  // .../Tests/MSBPTheoryTests/Helpers.swift -> drop 3 components
  parts.removeLast(3)
  return parts.joined(separator: "/")
}

/// A Householder reflection H = I − 2 v vᵀ / (vᵀ v): rational and orthogonal,
/// so Q D Qᵀ has exactly the eigenvalues on the diagonal of D.
func householder(_ v: [Rational]) -> [[Rational]] {
  let vv = VectorMath.squaredNorm(v)
  return v.indices.map { i in
    v.indices.map { j in (i == j ? Rational(1) : Rational(0)) - Rational(2) * v[i] * v[j] / vv }
  }
}

/// H D Hᵀ for a diagonal D.
func conjugate(diagonal d: [Rational], by h: [[Rational]]) -> [[Rational]] {
  let n = d.count
  return (0..<n).map { i in
    (0..<n).map { j in
      var s = Rational(0)
      for k in 0..<n { s = s + h[i][k] * d[k] * h[j][k] }
      return s
    }
  }
}
