import COpenBLAS

/// How the float networks treat subnormal numbers (magnitudes below `Float.leastNormalMagnitude`).
///
/// Training with Adam on MNIST drives many optimizer moments into the subnormal range: a
/// weight whose input pixel is almost always zero gets a zero gradient at almost every step,
/// so its first moment decays by `beta1` per step until it is subnormal, and a tiny gradient
/// squared lands there at once. On x86 each operation with a subnormal operand or result
/// costs a microcode assist, tens of times the cost of a normal one, and the update phase of
/// an epoch grows as training proceeds. Flushing them to zero is what the common
/// frameworks do on CPUs; it changes values only below 1.2e-38.
public enum SubnormalMode: String, Sendable, CaseIterable {
  /// Subnormal results are flushed to zero and subnormal inputs read as zero (FTZ and DAZ).
  case flush
  /// IEEE 754 gradual underflow (the hardware default).
  case keep

  /// Sets this mode for the calling thread and returns the mode that was in force, or
  /// `nil` on an architecture where the mode cannot be set (then nothing changes).
  ///
  /// The setting is per thread: OpenBLAS restricted to one thread (the default of the
  /// `msbp` commands) runs its kernels on the calling thread and sees it too.
  @discardableResult
  public func apply() -> SubnormalMode? {
    switch msbp_set_flush_subnormals(self == .flush ? 1 : 0) {
    case 1: return .flush
    case 0: return .keep
    default: return nil
    }
  }
}
