import Foundation

/// Runs the built `theorem-check` executable, found next to the test bundle
/// (as swift-argument-parser's example tests do).
enum Executable {
  static let url: URL = {
    #if os(macOS)
      for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("theorem-check")
      }
    #endif
    return Bundle.main.bundleURL.appendingPathComponent("theorem-check")
  }()

  struct Result {
    var exitCode: Int32
    var standardOutput: String
    var standardError: String
  }

  /// Runs `theorem-check arguments...` and collects its output and exit code.
  static func run(_ arguments: [String], standardInput: Data? = nil) throws -> Result {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let standardInput { input.fileHandleForWriting.write(standardInput) }
    try input.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a large output cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      exitCode: process.terminationStatus,
      standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self))
  }

  /// Runs with `--json` appended and parses standard output.
  static func runJSON(_ arguments: [String]) throws -> (Result, JSONValueBox) {
    let result = try run(arguments + ["--json"])
    return (result, try JSONValueBox(result.standardOutput))
  }
}

import TheoremCheckCore

/// A parsed JSON document with convenient lookups for tests.
struct JSONValueBox {
  let value: JSONValue
  init(_ text: String) throws {
    value = try JSONParser().parse(text).value
  }
  init(value: JSONValue) { self.value = value }
  subscript(key: String) -> JSONValueBox? { value[key].map { JSONValueBox(value: $0) } }
  subscript(index: Int) -> JSONValueBox? { value[index].map { JSONValueBox(value: $0) } }
  var string: String? { value.stringValue }
  var bool: Bool? { value.boolValue }
  var array: [JSONValueBox]? { value.arrayValue?.map { JSONValueBox(value: $0) } }
  var int: Int? {
    if case .number(let n) = value, n.isIntegerLiteral { return Int(n.text) }
    return nil
  }
}
