import COpenBLAS

/// Thin wrappers over OpenBLAS's single-precision kernels. Every dense product in this
/// module goes through `sgemm`, so that the dense baseline the sparse modes are timed
/// against is a tuned one, never a naive triple loop.
enum BLAS {
  /// `C = alpha * op(A) * op(B) + beta * C` on row-major matrices.
  ///
  /// `op(X)` is `X` or its transpose. Shapes are checked by precondition: callers inside
  /// this module construct them, so a mismatch is a programming error, not bad input.
  static func gemm(
    _ a: Matrix, transposeA: Bool = false,
    _ b: Matrix, transposeB: Bool = false,
    into c: inout Matrix, alpha: Float = 1, beta: Float = 0
  ) {
    let m = transposeA ? a.columns : a.rows
    let k = transposeA ? a.rows : a.columns
    let kb = transposeB ? b.columns : b.rows
    let n = transposeB ? b.rows : b.columns
    precondition(k == kb && c.rows == m && c.columns == n, "gemm shape mismatch")
    if m == 0 || n == 0 { return }
    if k == 0 {
      // BLAS leaves C untouched for k = 0 only when beta = 1; make beta's meaning explicit.
      for i in c.storage.indices { c.storage[i] *= beta }
      return
    }
    a.storage.withUnsafeBufferPointer { pa in
      b.storage.withUnsafeBufferPointer { pb in
        c.storage.withUnsafeMutableBufferPointer { pc in
          cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k),
            alpha, pa.baseAddress, Int32(a.columns),
            pb.baseAddress, Int32(b.columns),
            beta, pc.baseAddress, Int32(c.columns))
        }
      }
    }
  }

  /// `y[yOffset ..< yOffset+n] += alpha * x[xOffset ..< xOffset+n]`.
  @inline(__always)
  static func axpy(
    _ n: Int, _ alpha: Float,
    _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>
  ) {
    cblas_saxpy(Int32(n), alpha, x, 1, y, 1)
  }

  /// Sets the number of threads OpenBLAS may use (1 for fair single-core timings).
  static func setThreads(_ count: Int) {
    openblas_set_num_threads(Int32(max(1, count)))
  }
}

/// Sets how many threads OpenBLAS uses for the dense products.
///
/// The sparse accumulation kernels are single-threaded, so timings that compare dense and
/// sparse backward passes should use one thread (the `msbp train` default).
public func setBLASThreads(_ count: Int) { BLAS.setThreads(count) }
