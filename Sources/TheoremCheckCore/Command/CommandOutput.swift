/// The exit codes of `theorem-check`.
public enum ExitCode: Int32, Sendable, CaseIterable {
  /// Every checked conclusion holds.
  case success = 0
  /// A claim failed; the counterexample was printed whole.
  case claimFailed = 1
  /// Bad input (file, JSON, numbers, shapes, ranges, arguments).
  case badInput = 2
}

/// What a subcommand prints and how the process ends. The executable only
/// writes these out, so everything here is testable in-process.
public struct CommandOutput: Sendable, Equatable {
  /// Text for standard output.
  public var standardOutput: String
  /// Text for standard error.
  public var standardError: String
  /// The exit code.
  public var exitCode: ExitCode

  /// Creates an output.
  public init(standardOutput: String = "", standardError: String = "", exitCode: ExitCode = .success) {
    self.standardOutput = standardOutput
    self.standardError = standardError
    self.exitCode = exitCode
  }
}

extension InputError {
  /// The error as a JSON document: `{"verdict": "bad-input", "error": {...}}`.
  public var jsonDocument: JSONValue {
    var fields: [(String, JSONValue)] = [
      ("class", .string(errorClass.rawValue)),
      ("message", .string(message)),
    ]
    if let file = location.file { fields.append(("file", .string(file))) }
    if let field = location.field { fields.append(("field", .string(field))) }
    if let position = location.position {
      fields.append(("line", .integer(position.line)))
      fields.append(("column", .integer(position.column)))
    }
    return .object(ordered: [("verdict", .string("bad-input")), ("error", .object(ordered: fields))])
  }

  /// The output of a command that stopped on this error: the message on
  /// standard error (and the JSON document on standard output with `--json`),
  /// exit code 2.
  public func commandOutput(json: Bool) -> CommandOutput {
    CommandOutput(
      standardOutput: json ? JSONWriter.write(jsonDocument) + "\n" : "",
      standardError: "theorem-check: error: \(description)\n",
      exitCode: .badInput)
  }
}
