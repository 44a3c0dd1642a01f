import Foundation
import MSBPTestSupport

/// Runs the built `theorem-check` executable (through MSBPTestSupport's runner).
enum Executable {
  typealias Result = BuiltExecutable.Result

  /// Runs `theorem-check arguments...` and collects its output and exit code.
  static func run(_ arguments: [String], standardInput: Data? = nil) throws -> Result {
    try BuiltExecutable.run("theorem-check", arguments, standardInput: standardInput)
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
