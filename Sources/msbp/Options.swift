import Foundation

/// A usage error in the command line (unknown flag, missing or malformed value).
struct UsageError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
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
