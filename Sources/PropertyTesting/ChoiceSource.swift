// The choice sequence behind every generated value (integrated shrinking).
//
// Following Hypothesis, a generator never sees a random number generator directly: it
// asks a `ChoiceSource` for bounded unsigned integers ("choices"). While a case is being
// generated the choices come from the PRNG and are recorded; while a case is being
// shrunk or replayed they are read back from a stored sequence. Shrinking then works on
// that flat sequence of integers only, so it composes through `map`, `flatMap`, `filter`
// and every domain generator for free: smaller choices must mean simpler values, and
// every built-in generator is written so that choice 0 is its simplest value.

/// Thrown by a ``ChoiceSource`` when a case asks for more choices than allowed; the case
/// is then treated as invalid (neither passing nor failing), as Hypothesis does on overrun.
public struct ChoiceBudgetExceeded: Error, CustomStringConvertible {
  /// The budget that was exceeded.
  public let limit: Int
  /// A readable explanation.
  public var description: String { "a generator asked for more than \(limit) choices" }
}

/// The stream of bounded integer choices from which generators build their values.
///
/// It is a class because one source is threaded through a whole tree of generators for a
/// single case, each of which consumes from the same sequence.
public final class ChoiceSource {
  private var rng: Xoshiro256StarStar?
  private let prefix: [UInt64]
  private var position = 0
  private let maxChoices: Int

  /// The choices actually consumed so far (after clamping to their bounds).
  public private(set) var recorded: [UInt64] = []

  /// Ranges of `recorded` that form one logical sub-value (e.g. one list element with its
  /// continue flag). The shrinker tries deleting each span as a whole, which removes
  /// list elements of any size in one step.
  public private(set) var spans: [Range<Int>] = []

  /// Marks the start of a logical sub-value; pass the result to ``endSpan(_:)``.
  public func beginSpan() -> Int { recorded.count }

  /// Marks the end of a logical sub-value begun at `start`.
  public func endSpan(_ start: Int) {
    if recorded.count > start { spans.append(start..<recorded.count) }
  }

  /// The size parameter of this case: it grows over a run (QuickCheck's `sized`), so
  /// early cases are small and later ones larger. Generators may use it as a soft bound.
  public internal(set) var size: Int

  /// Whether the choices come from the PRNG (generation) rather than from a stored
  /// sequence (shrinking, replay). Generators must not behave differently on it; it is
  /// exposed for diagnostics only.
  public var isGenerating: Bool { rng != nil }

  /// A source drawing fresh random choices from `rng`.
  public init(random rng: Xoshiro256StarStar, size: Int, maxChoices: Int = 100_000) {
    self.rng = rng
    self.prefix = []
    self.size = size
    self.maxChoices = maxChoices
  }

  /// A source replaying `choices`; once they run out, every further choice is 0 (the
  /// simplest), which is what lets the shrinker delete choices from the end.
  public init(replaying choices: [UInt64], size: Int, maxChoices: Int = 100_000) {
    self.rng = nil
    self.prefix = choices
    self.size = size
    self.maxChoices = maxChoices
  }

  /// Draws one choice in `0...bound`.
  ///
  /// When generating, `random` decides the value (it may be biased, e.g. towards edge
  /// cases; out-of-range results are clamped); when replaying, the stored choice is used,
  /// clamped to `bound`. Either way the value actually used is recorded.
  public func draw(
    upTo bound: UInt64, random: (inout Xoshiro256StarStar) -> UInt64
  ) throws -> UInt64 {
    guard recorded.count < maxChoices else { throw ChoiceBudgetExceeded(limit: maxChoices) }
    let raw: UInt64
    if var generator = rng {
      raw = random(&generator)
      rng = generator
    } else if position < prefix.count {
      raw = prefix[position]
    } else {
      raw = 0
    }
    position += 1
    let value = min(raw, bound)
    recorded.append(value)
    return value
  }

  /// Draws one choice in `0...bound`, uniformly when generating.
  public func draw(upTo bound: UInt64) throws -> UInt64 {
    try draw(upTo: bound) { rng in UInt64.random(in: 0...bound, using: &rng) }
  }

  /// Draws a choice in `0...bound` whose generated value is `forced`: used where the
  /// generator wants to decide by its own distribution (e.g. a list length) but still
  /// leave a shrinkable choice in the sequence.
  public func draw(upTo bound: UInt64, generating forced: UInt64) throws -> UInt64 {
    try draw(upTo: bound) { _ in forced }
  }

  /// Unrecorded randomness that only *steers* generation (for example a target list
  /// length that is then expressed as recorded continue/stop choices). Returns `nil` when
  /// replaying, where the stored choices alone must determine the value.
  public func steer<T>(_ body: (inout Xoshiro256StarStar) -> T) -> T? {
    guard var generator = rng else { return nil }
    defer { rng = generator }
    return body(&generator)
  }
}
