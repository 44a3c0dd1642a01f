import Foundation
import Testing

import PropertyTesting

/// The printed replay line, used exactly as printed (environment variable and test
/// filter), reproduces the failing case in a fresh process.
@Suite struct EndToEndReplayTests {
  static let childFlag = "PROPERTY_TESTING_E2E_CHILD"

  /// Fails on purpose, but only inside the child processes started by the test below;
  /// in a normal run it returns at once.
  @Test func endToEndChildProperty() throws {
    guard ProcessInfo.processInfo.environment[Self.childFlag] == "1" else { return }
    try forAll("end-to-end replay child",
      Gen.zip(Gen.int(in: 0...10_000), Gen.int(in: 0...100).array()), corpus: .disabled) { x, v in
      print("E2E-CASE \(String(describing: (x, v)))")
      return (x + v.count) % 7 != 3
    }
  }

  /// Runs this test binary again with `arguments` and extra environment; returns its output.
  func runChild(filter: String, environment extra: [String: String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--testing-library", "swift-testing", "--filter", filter]
    var environment = ProcessInfo.processInfo.environment
    for key in ["PROPERTY_SEED", "PROPERTY_REPLAY", "PROPERTY_SHARD", "PROPERTY_SCALE"] {
      environment.removeValue(forKey: key)
    }
    environment.merge(extra) { $1 }
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  func line(after marker: String, in text: String) throws -> String {
    let start = try #require(text.range(of: marker)).upperBound
    return String(text[start...].prefix { $0 != "\n" })
  }

  @Test func printedReplayLineReproducesTheCaseInANewProcess() throws {
    let first = try runChild(
      filter: "PropertyTestingTests.*endToEndChildProperty", environment: [Self.childFlag: "1"])
    let original = try line(after: "original counterexample: ", in: first)
    let shrunk = try line(after: "shrunk counterexample", in: first)
    let command = try line(after: "replay: ", in: first)
    // Parse `PROPERTY_REPLAY='<value>' swift test --filter '<filter>'` as a shell would.
    let parts = command.components(separatedBy: "'")
    try #require(parts.count >= 5 && parts[0] == "PROPERTY_REPLAY=" && parts[2] == " swift test --filter ",
      "unexpected replay line: \(command)")
    let replayed = try runChild(
      filter: parts[3], environment: [Self.childFlag: "1", "PROPERTY_REPLAY": parts[1]])
    // The first case the replaying process runs is the original counterexample.
    let firstCase = try line(after: "E2E-CASE ", in: replayed)
    #expect(firstCase == original)
    #expect(try line(after: "shrunk counterexample", in: replayed) == shrunk)
  }
}
