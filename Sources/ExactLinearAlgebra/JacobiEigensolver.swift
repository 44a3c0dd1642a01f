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
    m.withUnsafeMutableBufferPointer { m in
      v.withUnsafeMutableBufferPointer { v in
        for _ in 0..<maxSweeps {
          var off = 0.0
          var diagonal = 0.0
          for i in 0..<n {
            diagonal += m[i * n + i] * m[i * n + i]
            for j in (i + 1)..<max(i + 1, n) { off += m[i * n + j] * m[i * n + j] }
          }
          // Off-diagonal mass below 1e-24 of the diagonal: eigenvectors are then accurate
          // to about 1e-12, and the exact Rayleigh quotients built from them to about
          // 1e-24 relative (the error is quadratic), far inside any requested gap.
          if off <= 1e-48 * diagonal || off == 0 { break }
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
              // A <- J^T A J touches only rows and columns p and q; by symmetry the
              // column update is the mirror of the row update.
              for k in 0..<n {
                let mpk = m[p * n + k]
                let mqk = m[q * n + k]
                m[p * n + k] = c * mpk - s * mqk
                m[q * n + k] = s * mpk + c * mqk
              }
              for k in 0..<n {
                m[k * n + p] = m[p * n + k]
                m[k * n + q] = m[q * n + k]
              }
              m[p * n + p] = app - t * apq
              m[q * n + q] = aqq + t * apq
              m[p * n + q] = 0
              m[q * n + p] = 0
              // Eigenvectors are stored as rows of v (row k = k-th vector) for locality.
              for k in 0..<n {
                let vpk = v[p * n + k]
                let vqk = v[q * n + k]
                v[p * n + k] = c * vpk - s * vqk
                v[q * n + k] = s * vpk + c * vqk
              }
            }
          }
        }
      }
    }
    let order = (0..<n).sorted { m[$0 * n + $0] < m[$1 * n + $1] }
    eigenvalues = order.map { m[$0 * n + $0] }
    eigenvectors = order.map { k in Array(v[(k * n)..<((k + 1) * n)]) }
  }
}
