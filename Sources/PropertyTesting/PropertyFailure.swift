// The error thrown by `forAll` when a property fails, and its readable report.

/// The error thrown by `forAll` when a property does not hold. Its `description` is the
/// full report, so a failing `try forAll(...)` in a `@Test` shows everything needed:
/// the property's name, the seed, the number of cases passed, the original and the shrunk
/// counterexample, and a one-line command that replays exactly that case.
public struct PropertyFailure: Error, CustomStringConvertible, Sendable {
  /// Why the property failed.
  public enum Kind: Sendable, Equatable {
    /// A case made the property return `false` or throw.
    case counterexample
    /// More cases were discarded (by `filter` or `assume`) than the limit allows.
    case tooManyDiscards
    /// A `cover:` requirement was not met.
    case insufficientCoverage
    /// An environment variable such as `PROPERTY_SEED` could not be parsed.
    case configuration
  }

  /// Why the property failed.
  public let kind: Kind
  /// The property's name, as given to `forAll`.
  public let propertyName: String
  /// The run seed (set it with `PROPERTY_SEED` or `seed:` to rerun the whole run).
  public let seed: UInt64
  /// Cases that passed before the failure.
  public let casesPassed: Int
  /// Cases discarded before the failure.
  public let casesDiscarded: Int
  /// Index of the failing case in the run (nil for corpus entries and non-case failures).
  public let caseIndex: Int?
  /// The corpus file the failing case came from, if it was a replayed corpus entry.
  public let corpusSource: String?
  /// The counterexample as first found.
  public let originalCounterexample: String?
  /// The counterexample after shrinking.
  public let shrunkCounterexample: String?
  /// The choice sequence of the shrunk counterexample (what the corpus stores).
  public let shrunkChoices: [UInt64]?
  /// Successful shrink steps taken.
  public let shrinkSteps: Int
  /// The error the property threw on the shrunk counterexample, if any.
  public let thrownError: String?
  /// Notes recorded by the property on the shrunk counterexample.
  public let notes: [String]
  /// Free-form detail (coverage table, discard reasons, configuration problem).
  public let detail: String?
  /// A shell command line that replays the failure.
  public let replayCommand: String?
  /// Where the shrunk counterexample was saved, if it was.
  public let savedCorpusFile: String?

  /// The full readable report.
  public var description: String {
    var lines: [String] = []
    switch kind {
    case .counterexample:
      lines.append("Property \"\(propertyName)\" failed after \(casesPassed) passed case(s).")
    case .tooManyDiscards:
      lines.append(
        "Property \"\(propertyName)\" gave up: \(casesDiscarded) cases discarded, only \(casesPassed) passed.")
    case .insufficientCoverage:
      lines.append(
        "Property \"\(propertyName)\" held for \(casesPassed) cases but missed its coverage requirement.")
    case .configuration:
      lines.append("Property \"\(propertyName)\" could not run: bad configuration.")
    }
    var origin = "  seed: \(seed)"
    if let caseIndex { origin += ", case: \(caseIndex)" }
    if let corpusSource { origin += ", from corpus file: \(corpusSource)" }
    if casesDiscarded > 0 { origin += ", discarded: \(casesDiscarded)" }
    lines.append(origin)
    if let originalCounterexample {
      lines.append("  original counterexample: \(originalCounterexample)")
    }
    if let shrunkCounterexample {
      lines.append("  shrunk counterexample (\(shrinkSteps) shrink steps): \(shrunkCounterexample)")
    }
    if let thrownError { lines.append("  error thrown: \(thrownError)") }
    for note in notes { lines.append("  note: \(note)") }
    if let detail {
      lines.append(contentsOf: detail.split(separator: "\n").map { "  " + $0 })
    }
    if let savedCorpusFile { lines.append("  saved to corpus: \(savedCorpusFile)") }
    if let replayCommand { lines.append("  replay: \(replayCommand)") }
    return lines.joined(separator: "\n")
  }
}
