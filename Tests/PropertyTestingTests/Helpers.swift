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
