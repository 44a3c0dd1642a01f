#if canImport(Glibc)
import Glibc  // links libm for the Double square roots
#endif

// The fast floating-point eigensolver behind the certified bounds: Householder reduction to
// tridiagonal form, then the implicit QL iteration with Wilkinson-type shifts (the classic
// EISPACK tred2/tql2 pair). About 6 n^3 flops against 30 n^3 or more for cyclic Jacobi,
// which matters at n = 64...128. Jacobi stays as the fallback if QL fails to converge.

/// The symmetric eigenproblem in `Double` by tridiagonalization and implicit QL, or `nil`
/// when an eigenvalue needs more than 50 QL iterations (then use Jacobi).
func tridiagonalQLEigendecomposition(symmetric input: [Double], dimension n: Int)
  -> (eigenvalues: [Double], eigenvectors: [[Double]])?
{
  guard n > 0 else { return ([], []) }
  var a = input  // becomes the orthogonal Q with A = Q T Q^T; row-major a[i * n + j]
  var d = [Double](repeating: 0, count: n)
  var e = [Double](repeating: 0, count: n)
  let converged = a.withUnsafeMutableBufferPointer { a -> Bool in
    // Householder reduction: row i (from the bottom) is reflected onto its subdiagonal.
    for i in stride(from: n - 1, to: 0, by: -1) {
      let l = i - 1
      var h = 0.0
      if l > 0 {
        var scale = 0.0
        for k in 0...l { scale += abs(a[i * n + k]) }
        if scale == 0 {
          e[i] = a[i * n + l]
        } else {
          for k in 0...l {
            a[i * n + k] /= scale
            h += a[i * n + k] * a[i * n + k]
          }
          var f = a[i * n + l]
          var g = f >= 0 ? -h.squareRoot() : h.squareRoot()
          e[i] = scale * g
          h -= f * g
          a[i * n + l] = f - g
          f = 0
          for j in 0...l {
            a[j * n + i] = a[i * n + j] / h
            g = 0
            for k in 0...j { g += a[j * n + k] * a[i * n + k] }
            if j < l { for k in (j + 1)...l { g += a[k * n + j] * a[i * n + k] } }
            e[j] = g / h
            f += e[j] * a[i * n + j]
          }
          let hh = f / (h + h)
          for j in 0...l {
            let fj = a[i * n + j]
            let gj = e[j] - hh * fj
            e[j] = gj
            for k in 0...j { a[j * n + k] -= fj * e[k] + gj * a[i * n + k] }
          }
        }
      } else {
        e[i] = a[i * n + l]
      }
      d[i] = h
    }
    d[0] = 0
    e[0] = 0
    // Accumulate the transformations into Q.
    for i in 0..<n {
      if d[i] != 0 {
        for j in 0..<i {
          var g = 0.0
          for k in 0..<i { g += a[i * n + k] * a[k * n + j] }
          for k in 0..<i { a[k * n + j] -= g * a[k * n + i] }
        }
      }
      d[i] = a[i * n + i]
      a[i * n + i] = 1
      for j in 0..<i {
        a[j * n + i] = 0
        a[i * n + j] = 0
      }
    }
    // Implicit QL on the tridiagonal (d, e), rotating the columns of Q along.
    for i in 1..<max(n, 1) { e[i - 1] = e[i] }
    e[n - 1] = 0
    for l in 0..<n {
      var iterations = 0
      while true {
        var m = l
        while m < n - 1 {
          let dd = abs(d[m]) + abs(d[m + 1])
          if abs(e[m]) <= Double.ulpOfOne * dd { break }
          m += 1
        }
        if m == l { break }
        iterations += 1
        if iterations > 50 { return false }
        var g = (d[l + 1] - d[l]) / (2 * e[l])
        var r = (g * g + 1).squareRoot()
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? abs(r) : -abs(r)))
        var s = 1.0
        var c = 1.0
        var p = 0.0
        var i = m - 1
        var underflow = false
        while i >= l {
          var f = s * e[i]
          let b = c * e[i]
          r = (f * f + g * g).squareRoot()
          e[i + 1] = r
          if r == 0 {
            d[i + 1] -= p
            e[m] = 0
            underflow = true
            break
          }
          s = f / r
          c = g / r
          g = d[i + 1] - p
          r = (d[i] - g) * s + 2 * c * b
          p = s * r
          d[i + 1] = g + p
          g = c * r - b
          for k in 0..<n {
            f = a[k * n + i + 1]
            a[k * n + i + 1] = s * a[k * n + i] + c * f
            a[k * n + i] = c * a[k * n + i] - s * f
          }
          i -= 1
        }
        if underflow { continue }
        d[l] -= p
        e[l] = g
        e[m] = 0
      }
    }
    return true
  }
  guard converged, d.allSatisfy({ $0.isFinite }) else { return nil }
  let order = (0..<n).sorted { d[$0] < d[$1] }
  return (order.map { d[$0] }, order.map { k in (0..<n).map { a[$0 * n + k] } })
}
