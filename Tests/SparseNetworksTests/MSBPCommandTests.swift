import Foundation
import MSBPTestSupport
import Testing

/// End to end: the built `msbp` executable, its exit codes (0 success, 2 bad input) and its
/// result lines, on the digits data shipped in `Fixtures/`.
@Suite struct MSBPCommandTests {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  func msbp(_ arguments: [String], in directory: URL? = nil) throws -> BuiltExecutable.Result {
    try BuiltExecutable.run("msbp", arguments, in: directory ?? root)
  }

  /// `key=value` fields of a result line.
  func fields(_ line: Substring) -> [String: String] {
    Dictionary(uniqueKeysWithValues: line.split(separator: ",").compactMap { part in
      let kv = part.split(separator: "=", maxSplits: 1)
      return kv.count == 2 ? (String(kv[0]), String(kv[1])) : nil
    })
  }

  @Test func trainsSeveralSeedsAndSummarizesThem() throws {
    let r = try msbp(["train", "digits-mlp", "--mode", "msbp", "--k", "4", "--gamma", "0.8", "--epochs", "1", "--seeds", "1,2"])
    #expect(r.exitCode == 0, "stderr: \(r.standardError)")
    let lines = r.standardOutput.split(separator: "\n")
    try #require(lines.count == 3, "output: \(r.standardOutput)")
    let perSeed = try lines.prefix(2).map { try #require(Double(fields($0)["test_at_best_dev"] ?? "")) }
    let summary = fields(lines[2])
    #expect(summary["seeds"] == "2")
    let mean = try #require(Double(summary["test_at_best_dev_mean"] ?? ""))
    // Printed to 4 decimals, like the per-seed values.
    #expect(abs(mean - (perSeed[0] + perSeed[1]) / 2) <= 0.0001)
    #expect(r.standardError.contains("epoch 1/1"))
  }

  @Test func badInputExitsWithTwoAndSaysWhy() throws {
    let unknown = try msbp(["train", "digits-mlp", "--bogus", "1"])
    #expect(unknown.exitCode == 2)
    #expect(unknown.standardError.contains("bogus"))

    let kOutOfRange = try msbp(["train", "digits-mlp", "--mode", "sbp", "--k", "0", "--epochs", "1"])
    #expect(kOutOfRange.exitCode == 2, "stderr: \(kOutOfRange.standardError)")

    let missingData = try msbp(["train", "mnist-mlp-500", "--data", "/nonexistent-msbp-data", "--epochs", "1"])
    #expect(missingData.exitCode == 2)
    #expect(missingData.standardError.contains("train-images"), "stderr: \(missingData.standardError)")

    let elsewhere = try msbp(["train", "digits-mlp"], in: URL(fileURLWithPath: NSTemporaryDirectory()))
    #expect(elsewhere.exitCode == 2)
    #expect(elsewhere.standardError.contains("no network named 'digits-mlp'"))

    let subcommand = try msbp(["frobnicate"])
    #expect(subcommand.exitCode == 2)
  }
}
