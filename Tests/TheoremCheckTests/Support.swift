import Foundation

/// Paths of the repository, found from this file (never from the current directory).
enum Repository {
  /// The repository root.
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TheoremCheckTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// A fixture under Fixtures/quadratics.
  static func quadratic(_ name: String) -> String {
    root.appendingPathComponent("Fixtures/quadratics").appendingPathComponent(name).path
  }

  /// An invalid fixture under Fixtures/quadratics/invalid.
  static func invalid(_ name: String) -> String {
    quadratic("invalid/" + name)
  }
}

/// A temporary file holding `contents`, removed by the caller.
func temporaryFile(_ contents: [UInt8], suffix: String = ".json") throws -> String {
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("theorem-check-\(UUID().uuidString)\(suffix)").path
  guard FileManager.default.createFile(atPath: path, contents: Data(contents)) else {
    throw CocoaError(.fileWriteUnknown)
  }
  return path
}
