import Foundation
import SparseNetworks

/// A usage error in the command line (unknown flag, missing or malformed value).
struct UsageError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// A subcommand run without arguments where it needs some: `main` prints `help` and exits
/// with 2, as `msbp` alone does.
struct UsageRequested: Error {
  let help: String
}

/// `--flag value` options and positional arguments, parsed once and then read by name.
/// Every option must be consumed; leftovers are reported as unknown.
struct Options {
  private var values: [String: String] = [:]
  private var flags: Set<String> = []
  private(set) var positional: [String] = []

  /// Parses `arguments`; `booleanFlags` take no value.
  init(_ arguments: [String], booleanFlags: Set<String> = []) throws {
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      if a.hasPrefix("--") {
        let name = String(a.dropFirst(2))
        if let eq = name.firstIndex(of: "=") {
          values[String(name[..<eq])] = String(name[name.index(after: eq)...])
        } else if booleanFlags.contains(name) {
          flags.insert(name)
        } else {
          guard i + 1 < arguments.count else { throw UsageError("--\(name) needs a value") }
          values[name] = arguments[i + 1]
          i += 1
        }
      } else {
        positional.append(a)
      }
      i += 1
    }
  }

  /// Whether the boolean flag was given (and marks it consumed).
  mutating func flag(_ name: String) -> Bool { flags.remove(name) != nil }

  /// The raw value of `--name`, consumed.
  mutating func string(_ name: String) -> String? { values.removeValue(forKey: name) }

  /// The value of `--name` parsed by `parse`, consumed; a malformed value is an error.
  mutating func value<T>(_ name: String, _ what: String, _ parse: (String) -> T?) throws -> T? {
    guard let raw = string(name) else { return nil }
    guard let v = parse(raw) else { throw UsageError("--\(name): '\(raw)' is not \(what)") }
    return v
  }

  /// Parses a comma-separated list with `element`; `nil` (malformed) when any element,
  /// including an empty one (`1,,2`), fails to parse.
  static func list<T>(_ element: @escaping (String) -> T?) -> (String) -> [T]? {
    { s in
      let parts = s.split(separator: ",", omittingEmptySubsequences: false).map { element(String($0)) }
      return parts.isEmpty || parts.contains { $0 == nil } ? nil : parts.map { $0! }
    }
  }

  /// `--subnormals flush|keep`, default `flush` (see ``SubnormalMode``); the caller applies
  /// it on the thread that runs the float work.
  mutating func subnormals() throws -> SubnormalMode {
    try value("subnormals", "flush or keep") { SubnormalMode(rawValue: $0) } ?? .flush
  }

  /// The help line of `--subnormals`, shared by every command that trains or times, with
  /// its description starting at `column` (the command's help layout).
  /// (The help texts indent options by two spaces; a flag too long for its column gets the
  /// description on the next line.)
  static func subnormalsHelp(column: Int) -> String {
    let flag = "--subnormals flush|keep"
    let what = "flush subnormal floats to zero (default) or keep them (slow)"
    return flag.count < column
      ? flag.padding(toLength: column, withPad: " ", startingAt: 0) + what
      : flag + "\n" + String(repeating: " ", count: column + 2) + what
  }

  /// Parses a positive integer.
  static func positive(_ s: String) -> Int? { Int(s).flatMap { $0 >= 1 ? $0 : nil } }

  /// Throws when options were given that nobody read.
  func checkAllConsumed() throws {
    let left = values.keys.sorted() + flags.sorted()
    if !left.isEmpty { throw UsageError("unknown option(s): " + left.map { "--" + $0 }.joined(separator: ", ")) }
  }
}

/// Writes a line to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}
