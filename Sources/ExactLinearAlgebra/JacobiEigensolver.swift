#if canImport(Glibc)
import Glibc  // links libm for the Double rounding and square roots
#endif
// The floating-point half of "estimate fast, certify exactly": a cyclic Jacobi
// eigensolver in Double. Nothing it returns is trusted; it only proposes the
// shifts and test vectors that the exact certificates then check.

/// Eigenvalue estimates and approximate eigenvectors of a symmetric `Double`
/// matrix, from the cyclic Jacobi method.
///
/// Used only to *propose* bounds; every decision about the true spectrum is
/// made later in exact rational arithmetic.
struct JacobiEigendecomposition {
  /// Approximate eigenvalues, ascending.
  var eigenvalues: [Double]
  /// `eigenvectors[k]` approximates the unit eigenvector of `eigenvalues[k]`.
  var eigenvectors: [[Double]]

  /// Runs cyclic Jacobi sweeps on the symmetric matrix `a` (row-major, `n*n`)
  /// until the off-diagonal mass is negligible or `maxSweeps` sweeps are done.
  ///
  /// Jacobi was chosen over Lanczos because it is short, unconditionally
  /// stable, and delivers small eigenvalues with high *relative* accuracy for
  /// well-scaled positive definite matrices, which is exactly what a tight
  /// lower bound `mu` needs.
  init(symmetric a: [Double], dimension n: Int, maxSweeps: Int = 60) {
    var m = a
    var v = [Double](repeating: 0, count: n * n)
    for i in 0..<n { v[i * n + i] = 1 }
    for _ in 0..<maxSweeps {
      var off = 0.0
      var diagonal = 0.0
      for i in 0..<n {
        diagonal += m[i * n + i] * m[i * n + i]
        for j in (i + 1)..<max(i + 1, n) { off += m[i * n + j] * m[i * n + j] }
      }
      // Stop when the off-diagonal part is below roundoff relative to the diagonal.
      if off <= 1e-34 * diagonal || off == 0 { break }
      for p in 0..<n {
        for q in (p + 1)..<max(p + 1, n) {
          let apq = m[p * n + q]
          if apq == 0 { continue }
          let app = m[p * n + p]
          let aqq = m[q * n + q]
          // Rotation angle chosen so that the (p, q) entry becomes zero
          // (Golub & Van Loan, Algorithm 8.5.1, the stable small-angle form).
          let theta = (aqq - app) / (2 * apq)
          let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for k in 0..<n {
            let mkp = m[k * n + p]
            let mkq = m[k * n + q]
            m[k * n + p] = c * mkp - s * mkq
            m[k * n + q] = s * mkp + c * mkq
          }
          for k in 0..<n {
            let mpk = m[p * n + k]
            let mqk = m[q * n + k]
            m[p * n + k] = c * mpk - s * mqk
            m[q * n + k] = s * mpk + c * mqk
          }
          m[p * n + q] = 0
          m[q * n + p] = 0
          for k in 0..<n {
            let vkp = v[k * n + p]
            let vkq = v[k * n + q]
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
          }
        }
      }
    }
    let order = (0..<n).sorted { m[$0 * n + $0] < m[$1 * n + $1] }
    eigenvalues = order.map { m[$0 * n + $0] }
    eigenvectors = order.map { k in (0..<n).map { v[$0 * n + k] } }
  }
}
