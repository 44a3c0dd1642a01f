// Doubles in a finite range.

extension ChoiceSource {
  /// Draws an offset in `0...width` (finite, non-negative), favouring 0 and `width`.
  ///
  /// Layout, when `width < 2^52`: an integer part and a 52-bit binary fraction, so that
  /// offsets shrink to integers first and then to small ones. Wider ranges use one choice
  /// on a grid of 2^53 steps.
  func drawOffset(upTo width: Double) throws -> Double {
    let fractionSteps: Double = 4_503_599_627_370_496  // 2^52
    let edgeOrUniform: (inout Xoshiro256StarStar) -> Double = { rng in
      switch rng.next() & 7 {
      case 0: return 0
      case 1: return width
      default: return Double.random(in: 0...width, using: &rng)
      }
    }
    if width < fractionSteps {
      let planned: (UInt64, UInt64)? = steer { rng in
        let t = edgeOrUniform(&rng)
        let whole = t.rounded(.down)
        return (UInt64(whole), min(UInt64(fractionSteps) - 1, UInt64((t - whole) * fractionSteps)))
      }
      let whole = try draw(upTo: UInt64(width.rounded(.down)), generating: planned?.0 ?? 0)
      let fraction = try draw(upTo: UInt64(fractionSteps) - 1, generating: planned?.1 ?? 0)
      return min(width, Double(whole) + Double(fraction) / fractionSteps)
    }
    let gridSteps: UInt64 = 1 << 53
    let planned: UInt64? = steer { rng in
      UInt64((edgeOrUniform(&rng) / width * Double(gridSteps)).rounded(.down))
    }
    let u = try draw(upTo: gridSteps, generating: min(gridSteps, planned ?? 0))
    return min(width, width * (Double(u) / Double(gridSteps)))
  }
}

extension Gen where Value == Double {
  /// Doubles in the finite `range`, the bounds and 0 (when inside) favoured, otherwise
  /// uniform. Shrinks towards 0 (or the bound nearest 0 when 0 is outside), through
  /// integers first: a failure at `x >= 1` shrinks to exactly 1.0.
  ///
  /// For any IEEE double (subnormals, signed zeros, infinities), see `Gen.ieeeDouble` in
  /// MSBPTestSupport.
  public static func double(in range: ClosedRange<Double>) -> Gen<Double> {
    Gen { source in
      let lo = range.lowerBound, hi = range.upperBound
      guard lo.isFinite, hi.isFinite, (hi - lo).isFinite else {
        throw GeneratorError("Gen.double(in:): the range \(range) is not finite")
      }
      if lo >= 0 { return min(hi, lo + (try source.drawOffset(upTo: hi - lo))) }
      if hi <= 0 { return max(lo, hi - (try source.drawOffset(upTo: hi - lo))) }
      let negative = try source.draw(upTo: 1) { rng in rng.next() & 1 } == 1
      return negative ? -(try source.drawOffset(upTo: -lo)) : try source.drawOffset(upTo: hi)
    }
  }
}
