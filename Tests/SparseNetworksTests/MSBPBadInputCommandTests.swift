import Foundation
import MSBPTestSupport
import Testing

/// End to end: bad input to the built `msbp` executable exits with 2 and a message that
/// names the problem, before any training (README, "Networks: `msbp`"); never a crash, a
/// raw `NSError` dump, or a run that silently does something else.
@Suite struct MSBPBadInputCommandTests {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  func msbp(_ arguments: [String]) throws -> BuiltExecutable.Result {
    try BuiltExecutable.run("msbp", arguments, in: root)
  }

  /// Runs `arguments`, expects exit code 2 with every `expected` substring on stderr, no
  /// training progress, and no raw Foundation error.
  @discardableResult
  func expectBadInput(_ arguments: [String], _ expected: String..., sourceLocation: SourceLocation = #_sourceLocation) throws
    -> BuiltExecutable.Result
  {
    let r = try msbp(arguments)
    #expect(r.exitCode == 2, "\(arguments): stderr \(r.standardError)", sourceLocation: sourceLocation)
    for e in expected {
      #expect(r.standardError.contains(e), "\(arguments): expected '\(e)' in \(r.standardError)", sourceLocation: sourceLocation)
    }
    #expect(!r.standardError.contains("epoch 1/"), "\(arguments): trained before failing", sourceLocation: sourceLocation)
    #expect(!r.standardError.contains("seed 1 k"), "\(arguments): ran before failing", sourceLocation: sourceLocation)
    #expect(!r.standardError.contains("NSCocoaErrorDomain") && !r.standardError.contains("Fatal error"),
            "\(arguments): \(r.standardError)", sourceLocation: sourceLocation)
    return r
  }

  /// The digits network file with `edit` applied, written to a fresh temporary file.
  func network(_ edit: (inout [String: Any]) -> Void) throws -> String {
    let data = try Data(contentsOf: root.appendingPathComponent("Fixtures/networks/digits-mlp.json"))
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    edit(&object)
    let path = try temporaryDirectory() + "/network.json"
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func badNetworkFilesExitWithTwo() throws {
    try expectBadInput(["train", try network { $0["sizes"] = [64, 100_000_000_000, 10] }, "--epochs", "1"], "100000000000", "limit")
    try expectBadInput(["train", try network { $0["sizes"] = [64, 64, 5] }, "--epochs", "1"], "output width 5", "10 classes")
    try expectBadInput(["train", try network { $0["sizes"] = [32, 64, 10] }, "--epochs", "1"], "input width 32", "64 features")
    try expectBadInput(["train", try network { $0["dropuot"] = 0.5 }], "unknown key 'dropuot'")
    try expectBadInput(
      ["train", try network { $0["optimizer"] = ["kind": "adam", "learningRate": -0.01] }], "optimizer.learningRate")
    try expectBadInput(["train", try network { $0["optimizer"] = ["kind": "adam", "learningRate": 0] }], "optimizer.learningRate")

    let dir = try temporaryDirectory()
    try expectBadInput(["train", dir], dir, "is a directory")
    let missing = try expectBadInput(["train", dir + "/none.json"], dir + "/none.json", "network file not found")
    #expect(!missing.standardError.contains("data file"))
  }

  @Test func badDataIsNamed() throws {
    let digits = try temporaryDirectory()
    try FileManager.default.createDirectory(atPath: digits + "/digits.csv.gz", withIntermediateDirectories: true)
    try expectBadInput(["train", "digits-mlp", "--data", digits, "--epochs", "1"], digits + "/digits.csv.gz", "directory")

    let mnist = try temporaryDirectory()
    try write(idxHeader(magic: 0x803, dimensions: [1, 28, 28]) + [UInt8](repeating: 0, count: 784), to: mnist + "/train-images.idx3-ubyte")
    try expectBadInput(
      ["train", "mnist-mlp-500", "--data", mnist, "--epochs", "1"], "train-labels-idx1-ubyte", "train-labels.idx1-ubyte")
  }

  @Test func kOutsideOneToTheHiddenWidthIsRejected() throws {
    try expectBadInput(["train", "digits-mlp", "--mode", "msbp", "--k", "65", "--epochs", "1"], "k must be in 1...64", "65")
    try expectBadInput(["train", "digits-mlp", "--mode", "sbp", "--k", "0", "--epochs", "1"], "k must be in 1...64")
    try expectBadInput(["train", "digits-mlp", "--mode", "sbp", "--k", "4", "--ratio", "0.5"], "--k or --ratio")
    try expectBadInput(["angles", "digits-mlp", "--k", "1,65", "--steps", "1"], "k must be in 1...64", "65")
    try expectBadInput(["figures", "digits-mlp", "--k", "65", "--seeds", "1", "--out", try temporaryDirectory()], "k must be in 1...64")
    try expectBadInput(["bench-backward", "--in", "8", "--out", "8", "--k", "9", "--repeats", "1"], "k must be in 1...8")

    // k equal to the width stays allowed (it is dense exactly), and so does the ratio 1.
    for arguments in [["--k", "64"], ["--ratio", "1"]] {
      let r = try msbp(["train", "digits-mlp", "--mode", "msbp", "--epochs", "0"] + arguments)
      #expect(r.exitCode == 0, "\(arguments): \(r.standardError)")
      #expect(r.standardOutput.contains("msbp(k=64,"), "\(arguments): \(r.standardOutput)")
    }
  }

  @Test func unwritableOutputsAreReportedBeforeAnyRun() throws {
    try expectBadInput(["train", "digits-mlp", "--epochs", "1", "--out", "/nonexistent-msbp/dir/x"], "--out", "/nonexistent-msbp/dir/x.json")
    let taken = try temporaryDirectory()
    try FileManager.default.createDirectory(atPath: taken + "/x.json", withIntermediateDirectories: true)
    try expectBadInput(["train", "digits-mlp", "--epochs", "1", "--out", taken + "/x"], "--out", taken + "/x.json", "is a directory")
    try expectBadInput(
      ["angles", "digits-mlp", "--k", "1", "--gamma", "0.5", "--seeds", "1", "--steps", "2", "--fixture", "/nonexistent-msbp/x.json"],
      "--fixture", "/nonexistent-msbp/x.json")
    try expectBadInput(
      ["angles", "digits-mlp", "--k", "1", "--gamma", "0.5", "--seeds", "1", "--steps", "2", "--out", "/nonexistent-msbp/x"],
      "--out", "/nonexistent-msbp/x-series.csv")
    let file = try temporaryDirectory() + "/file"
    try write([1], to: file)
    try expectBadInput(["figures", "digits-mlp", "--seeds", "1", "--epochs", "1", "--out", file], "--out", file, "not a directory")
  }

  @Test func usageAndOptionsThatDoNotApply() throws {
    try expectBadInput(["train"], "usage: msbp train")
    try expectBadInput(["angles"], "usage: msbp angles")
    let help = try msbp(["train", "--help"])
    #expect(help.exitCode == 0 && help.standardError.contains("usage: msbp train"))
    try expectBadInput(["train", "digits-mlp", "--seeds", "1,,2", "--epochs", "1"], "--seeds", "1,,2")
    try expectBadInput(["train", "digits-mlp", "--seed", "1", "--seeds", "2,3", "--epochs", "1"], "--seed or --seeds")
    try expectBadInput(["train", "digits-mlp", "--mode", "sbp", "--gamma", "0.5", "--epochs", "1"], "--gamma", "msbp")
    try expectBadInput(["train", "digits-mlp", "--gamma", "0.5", "--epochs", "1"], "--gamma", "msbp")
    try expectBadInput(["train", "digits-mlp", "--subnormals", "ftz", "--epochs", "1"], "--subnormals", "'ftz'", "flush or keep")
    try expectBadInput(["angles", "digits-mlp", "--subnormals", "", "--k", "1", "--seeds", "1"], "--subnormals")
    try expectBadInput(["bench-backward", "--in", "8", "--out", "8", "--k", "2", "--gamma", "nan", "--repeats", "1"], "gamma")
    try expectBadInput(["bench-backward", "--in", "8", "--out", "2000000", "--k", "2", "--repeats", "1"], "2000000", "limit")
  }

  @Test func benchBackwardColumnsLineUp() throws {
    let r = try msbp(["bench-backward", "--batch", "2", "--in", "8", "--out", "8", "--k", "2", "--repeats", "2"])
    #expect(r.exitCode == 0, "stderr: \(r.standardError)")
    let rows = r.standardOutput.split(separator: "\n").filter { $0.contains("speedup over dense") }
    try #require(rows.count == 3, "output: \(r.standardOutput)")
    #expect(rows[0].hasPrefix("dense ") && rows[1].hasPrefix("sbp(") && rows[2].hasPrefix("msbp("))
    // The time column ends at the same position in every row.
    let ends = Set(rows.map { $0.distance(from: $0.startIndex, to: $0.range(of: " us/call")!.lowerBound) })
    #expect(ends.count == 1, "misaligned: \(rows)")
  }
}
