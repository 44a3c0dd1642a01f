import Testing
@testable import SparseNetworks

/// `SubnormalMode` sets the calling thread's floating-point environment and reports the
/// previous one; every test restores what it found, since Swift Testing reuses threads.
@Suite struct SubnormalsTests {
  /// `a * b` behind an opaque call, so the product is computed at run time under the
  /// thread's current mode rather than folded by the compiler.
  @inline(never) func product(_ a: Float, _ b: Float) -> Float { a * b }

  /// The smallest normal float times 1/4: subnormal under IEEE gradual underflow.
  var subnormalProduct: Float { product(Float.leastNormalMagnitude, 0.25) }

  @Test func flushZeroesSubnormalResultsAndKeepRestoresThem() throws {
    let before = try #require(SubnormalMode.flush.apply(), "cannot set the mode on this architecture")
    defer { before.apply() }
    #expect(subnormalProduct == 0)
    // Subnormal inputs read as zero too (DAZ on x86, FZ on AArch64): 2^-149 * 2^24 would
    // be the normal 2^-125.
    #expect(product(Float.leastNonzeroMagnitude, 0x1p24) == 0)

    #expect(SubnormalMode.keep.apply() == .flush)
    #expect(subnormalProduct == Float.leastNormalMagnitude / 4)
    #expect(subnormalProduct.isSubnormal)
    #expect(product(Float.leastNonzeroMagnitude, 0x1p24) == 0x1p-125)
    #expect(SubnormalMode.keep.apply() == .keep)
  }

  /// The mode reported is the one that was set, whichever it was.
  @Test func applyReportsThePreviousMode() throws {
    let before = try #require(SubnormalMode.keep.apply())
    defer { before.apply() }
    var current = SubnormalMode.keep
    for mode in [SubnormalMode.flush, .keep, .keep, .flush, .flush] {
      #expect(mode.apply() == current, "setting \(mode) after \(current)")
      current = mode
    }
  }
}
