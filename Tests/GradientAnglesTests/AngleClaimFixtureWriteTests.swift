import Foundation
import GradientAngles
import SparseNetworks
import Testing

/// Writing an angle claim fixture to a path that cannot be written fails with an
/// ``OutputError`` naming the path, not a raw Foundation error.
@Suite struct AngleClaimFixtureWriteTests {
  let fixture = AngleClaimFixture(
    network: "digits-mlp", ks: [1], gammas: [0.5], seeds: [1], epochs: 1, steps: 2, trainLimit: nil,
    every: 1, datasetEvery: 1, datasetSubset: 10, command: "test", refuted: [], instances: 0)

  @Test func anUnwritablePathIsNamed() throws {
    let path = "/nonexistent-msbp-dir/fixture.json"
    do {
      try fixture.write(path: path)
      Issue.record("expected an error")
    } catch let error as OutputError {
      #expect(error.description.contains(path))
      #expect(!error.description.contains("NSCocoaErrorDomain"))
    }
  }

  @Test func aWrittenFixtureReadsBack() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("fixture-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try fixture.write(path: path)
    #expect(try AngleClaimFixture.load(path: path) == fixture)
  }
}
