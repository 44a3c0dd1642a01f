// `forAll`: runs a property over generated cases, shrinks failures, checks coverage.

/// What a property run observed; returned by `forAll` when the property holds.
public struct PropertyStatistics: CustomStringConvertible, Sendable {
  /// The property's name.
  public let name: String
  /// The run seed.
  public let seed: UInt64
  /// Cases that passed (including replayed corpus entries).
  public let casesPassed: Int
  /// Cases discarded by `filter` or `assume`.
  public let casesDiscarded: Int
  /// Corpus entries replayed before the generated cases.
  public let corpusEntriesReplayed: Int
  /// How many passing generated cases carried each label.
  public let labelCounts: [String: Int]
  /// Cases counted for label shares (passing generated cases).
  public let classifiedCases: Int

  /// The share of classified cases carrying `label`.
  public func share(of label: String) -> Double {
    classifiedCases == 0 ? 0 : Double(labelCounts[label] ?? 0) / Double(classifiedCases)
  }

  /// A readable table of the run.
  public var description: String {
    var lines = [
      "Property \"\(name)\": \(casesPassed) passed, \(casesDiscarded) discarded, "
        + "\(corpusEntriesReplayed) corpus entries replayed (seed \(seed))"
    ]
    for label in labelCounts.keys.sorted() {
      let percent = (share(of: label) * 1000).rounded() / 10
      lines.append("  \(percent)% \(label)")
    }
    return lines.joined(separator: "\n")
  }
}

/// Default number of cases per property: fast enough for CI; scale with `PROPERTY_SCALE`.
public let defaultPropertyCases = 100

/// The largest size parameter; case `i` runs with size `i % (maxPropertySize + 1)`.
public let maxPropertySize = 100

/// Checks that `property` holds for values drawn from `generator`.
///
/// Returns normally (with statistics) when every case passes; throws a ``PropertyFailure``
/// whose description is a full report otherwise. In a Swift Testing test:
///
/// ```swift
/// @Test func additionCommutes() throws {
///   try forAll("addition commutes", Gen.zip(Gen.int(in: -100...100), Gen.int(in: -100...100))) {
///     a, b in a + b == b + a
///   }
/// }
/// ```
///
/// The property returns `true` when it holds; returning `false` or throwing counts as a
/// failure (throw ``CaseDiscarded`` or call ``PropertyContext/assume(_:_:)`` to discard).
///
/// - Parameters:
///   - name: the property's name: shown in reports, keys the corpus and `PROPERTY_REPLAY`.
///   - generator: the generator of inputs.
///   - cases: generated cases (default ``defaultPropertyCases``), times `PROPERTY_SCALE`.
///   - seed: a fixed run seed; otherwise `PROPERTY_SEED`, otherwise random.
///   - cover: label → minimum share of cases (0...1) that must carry that label.
///   - maxDiscardRatio: the run fails after more than `maxDiscardRatio × cases` discards.
///   - shrinkLimit: the most property runs spent shrinking one counterexample.
///   - corpus: where shrunk counterexamples are saved and replayed from.
///   - statistics: print label statistics (also `PROPERTY_STATS=1`).
///   - filePath, fileID, function: the caller, to locate the repo (corpus) and build the
///     replay command; leave the defaults.
@discardableResult
public func forAll<Value>(
  _ name: String,
  _ generator: Gen<Value>,
  cases: Int? = nil,
  seed: UInt64? = nil,
  cover: [String: Double] = [:],
  maxDiscardRatio: Int = 10,
  shrinkLimit: Int = 2000,
  corpus: Corpus = .fixtures,
  statistics: Bool = false,
  filePath: String = #filePath,
  fileID: String = #fileID,
  function: String = #function,
  _ property: (Value, PropertyContext) throws -> Bool
) throws -> PropertyStatistics {
  try runProperty(
    name, generator, cases: cases, seed: seed, cover: cover, maxDiscardRatio: maxDiscardRatio,
    shrinkLimit: shrinkLimit, corpus: corpus, statistics: statistics, filePath: filePath,
    fileID: fileID, function: function, environment: nil, property)
}

/// `forAll` with an explicit environment instead of the process's (for the engine's tests).
@discardableResult
func runProperty<Value>(
  _ name: String,
  _ generator: Gen<Value>,
  cases: Int? = nil,
  seed: UInt64? = nil,
  cover: [String: Double] = [:],
  maxDiscardRatio: Int = 10,
  shrinkLimit: Int = 2000,
  corpus: Corpus = .fixtures,
  statistics: Bool = false,
  filePath: String = #filePath,
  fileID: String = #fileID,
  function: String = #function,
  environment: PropertyEnvironment?,
  _ property: (Value, PropertyContext) throws -> Bool
) throws -> PropertyStatistics {
  try withoutActuallyEscaping(property) { property in
    var runner = PropertyRunner(
      name: name, generator: generator, property: property, cases: cases, seed: seed,
      cover: cover, maxDiscardRatio: maxDiscardRatio, shrinkLimit: shrinkLimit, corpus: corpus,
      statistics: statistics, filePath: filePath, fileID: fileID, function: function)
    runner.environmentOverride = environment
    return try runner.run()
  }
}

/// Checks that `property` holds for values drawn from `generator` (the form without a
/// context; see the other overload for the parameters).
@discardableResult
public func forAll<Value>(
  _ name: String,
  _ generator: Gen<Value>,
  cases: Int? = nil,
  seed: UInt64? = nil,
  maxDiscardRatio: Int = 10,
  shrinkLimit: Int = 2000,
  corpus: Corpus = .fixtures,
  statistics: Bool = false,
  filePath: String = #filePath,
  fileID: String = #fileID,
  function: String = #function,
  _ property: (Value) throws -> Bool
) throws -> PropertyStatistics {
  try forAll(
    name, generator, cases: cases, seed: seed, cover: [:], maxDiscardRatio: maxDiscardRatio,
    shrinkLimit: shrinkLimit, corpus: corpus, statistics: statistics, filePath: filePath,
    fileID: fileID, function: function
  ) { value, _ in try property(value) }
}
