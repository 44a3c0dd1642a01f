// Integer and Boolean generators.

/// An error thrown by a generator whose parameters make no sense (an empty range, a
/// negative count, ...). It fails the property with a message naming the bad input,
/// instead of trapping.
public struct GeneratorError: Error, CustomStringConvertible {
  /// A readable explanation naming the offending input.
  public let description: String
  /// Creates an error with the given explanation.
  public init(_ description: String) { self.description = description }
}

extension ChoiceSource {
  /// Draws a magnitude in `0...bound`, biased when generating towards the edges
  /// (0, small values and `bound` itself), where bugs cluster, but uniform otherwise.
  public func drawMagnitude(upTo bound: UInt64) throws -> UInt64 {
    try draw(upTo: bound) { rng in
      switch rng.next() & 15 {
      case 0: return 0
      case 1: return bound
      case 2, 3: return UInt64.random(in: 0...min(bound, 16), using: &rng)
      default: return UInt64.random(in: 0...bound, using: &rng)
      }
    }
  }

  /// Draws an `Int` in `range`, shrinking towards the value of the range closest to zero.
  ///
  /// Choice layout: a range on one side of zero uses one choice (the distance from the
  /// end nearest zero); a range straddling zero uses a sign choice (0 = non-negative)
  /// followed by a magnitude choice, so both the sign and the magnitude shrink.
  public func drawInt(in range: ClosedRange<Int>) throws -> Int {
    let lo = range.lowerBound, hi = range.upperBound
    // Wrapping arithmetic: the span of a one-sided range such as Int.min...0 is 2^63,
    // which fits in UInt64 but not in Int.
    let span = UInt64(bitPattern: Int64(hi &- lo))
    if lo >= 0 {
      return lo &+ Int(truncatingIfNeeded: try drawMagnitude(upTo: span))
    }
    if hi <= 0 {
      return hi &- Int(truncatingIfNeeded: try drawMagnitude(upTo: span))
    }
    let negative = try draw(upTo: 1) { rng in rng.next() & 1 } == 1
    if negative {
      // Negative values are -1 ... lo, encoded as magnitude - 1 so that they shrink to -1.
      let m = try drawMagnitude(upTo: UInt64(lo.magnitude - 1))
      return -Int(m) - 1
    }
    return Int(try drawMagnitude(upTo: UInt64(hi)))
  }
}

extension Gen where Value == Int {
  /// Integers in `range`, edge values favoured, shrinking towards the value nearest 0.
  public static func int(in range: ClosedRange<Int>) -> Gen<Int> {
    Gen { source in try source.drawInt(in: range) }
  }

  /// Integers in the half-open `range`; an empty range fails the property with a
  /// ``GeneratorError``.
  public static func int(in range: Range<Int>) -> Gen<Int> {
    Gen { source in
      guard !range.isEmpty else {
        throw GeneratorError("Gen.int(in:): the range \(range) is empty")
      }
      return try source.drawInt(in: range.lowerBound...(range.upperBound - 1))
    }
  }

  /// Integers in `-size...size`, so they grow over the run (QuickCheck's `arbitrary`).
  public static var int: Gen<Int> {
    Gen { source in try source.drawInt(in: -source.size...source.size) }
  }
}

extension Gen where Value == UInt64 {
  /// Unsigned 64-bit integers in `range`, shrinking towards the lower bound.
  public static func uint64(in range: ClosedRange<UInt64>) -> Gen<UInt64> {
    Gen { source in
      range.lowerBound + (try source.drawMagnitude(upTo: range.upperBound - range.lowerBound))
    }
  }
}

extension Gen where Value == Bool {
  /// `false` or `true` with equal probability; shrinks to `false`.
  public static var bool: Gen<Bool> {
    Gen { source in try source.draw(upTo: 1) == 1 }
  }
}
