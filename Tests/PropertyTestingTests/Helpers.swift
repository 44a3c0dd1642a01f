import Foundation
import Testing

@testable import PropertyTesting

/// Runs `body`, which must throw a `PropertyFailure`, and returns it.
func expectFailure(
  _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
) throws -> PropertyFailure {
  do {
    try body()
  } catch let failure as PropertyFailure {
    return failure
  }
  Issue.record("the property was expected to fail but held", sourceLocation: sourceLocation)
  throw CancellationError()
}

/// A fresh temporary corpus root: properties that fail on purpose must never write into
/// the committed `Fixtures/corpus`.
func temporaryCorpus() throws -> String {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("proptest-corpus-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url.path
}

/// Files in a property's corpus directory under `root`.
func corpusFiles(root: String, property: String) -> [String] {
  let dir = URL(fileURLWithPath: root).appendingPathComponent(PropertyCorpus.slug(property))
  return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
}

/// The environment for the engine's own tests: the process's `PROPERTY_SEED` and
/// `PROPERTY_STATS` still apply (so a failing run can be reproduced), but the case count is
/// never scaled *down* and no shard or replay applies, because these tests assert what
/// a run of a known length finds.
func engineTestEnvironment() throws -> PropertyEnvironment {
  var environment = try PropertyEnvironment.current()
  environment.scale = max(1, environment.scale)
  environment.shard = (0, 1)
  environment.replay = nil
  return environment
}

/// `forAll` under ``engineTestEnvironment()`` (property with a context).
@discardableResult
func checkProperty<Value>(
  _ name: String, _ generator: Gen<Value>, cases: Int? = nil, seed: UInt64? = nil,
  cover: [String: Double] = [:], maxDiscardRatio: Int = 10, shrinkLimit: Int = 2000,
  corpus: Corpus = .fixtures, filePath: String = #filePath, fileID: String = #fileID,
  function: String = #function, _ property: (Value, PropertyContext) throws -> Bool
) throws -> PropertyStatistics {
  try runProperty(
    name, generator, cases: cases, seed: seed, cover: cover, maxDiscardRatio: maxDiscardRatio,
    shrinkLimit: shrinkLimit, corpus: corpus, filePath: filePath, fileID: fileID,
    function: function, environment: try engineTestEnvironment(), property)
}

/// `forAll` under ``engineTestEnvironment()`` (property without a context).
@discardableResult
func checkProperty<Value>(
  _ name: String, _ generator: Gen<Value>, cases: Int? = nil, seed: UInt64? = nil,
  maxDiscardRatio: Int = 10, shrinkLimit: Int = 2000, corpus: Corpus = .fixtures,
  filePath: String = #filePath, fileID: String = #fileID, function: String = #function,
  _ property: (Value) throws -> Bool
) throws -> PropertyStatistics {
  try checkProperty(
    name, generator, cases: cases, seed: seed, maxDiscardRatio: maxDiscardRatio,
    shrinkLimit: shrinkLimit, corpus: corpus, filePath: filePath, fileID: fileID,
    function: function
  ) { value, _ in try property(value) }
}
