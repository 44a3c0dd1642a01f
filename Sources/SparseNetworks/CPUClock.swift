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
