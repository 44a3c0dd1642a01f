#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The CPU time consumed by the calling thread, in seconds.
///
/// Phase timings (forward, backward, update) use this rather than wall-clock time: on a
/// machine whose cores are shared with other work, the wall clock also counts the time the
/// thread waited for a core, which would make dense/sparse ratios depend on the load.
/// With OpenBLAS restricted to one thread, all work of a phase runs on the calling thread.
public func threadCPUSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Asks the C allocator to serve large blocks from its heap and keep freed memory, instead
/// of mapping fresh pages for every large matrix (glibc only; elsewhere a no-op).
///
/// Each training step allocates gradient matrices of megabytes; with glibc's defaults they
/// are `mmap`ed and zero-filled page by page on every step, a cost common to all modes that
/// would dilute the measured dense/sparse backward ratios. Call once at program start.
public func keepLargeAllocationsMapped() {
  #if canImport(Glibc)
    // glibc's <malloc.h> constants: M_TRIM_THRESHOLD = -1, M_MMAP_THRESHOLD = -3.
    _ = glibcMallopt(-3, 256 << 20)
    _ = glibcMallopt(-1, 1 << 30)
  #endif
}

#if canImport(Glibc)
  /// glibc's `int mallopt(int param, int value)` (not exported by the Glibc module).
  @_silgen_name("mallopt")
  private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
