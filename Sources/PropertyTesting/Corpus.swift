// The failure corpus: shrunk counterexamples saved as files and replayed first.

import Foundation

/// Where a property keeps its failure corpus.
///
/// Every shrunk counterexample is saved as one small text file in
/// `<corpus root>/<property-name-slug>/`, and all files there are replayed before any new
/// case on every later run. Committed entries are therefore regression tests.
public enum Corpus: Sendable {
  /// `<repo>/Fixtures/corpus`, the repo root found by walking up from the calling test
  /// file to the nearest `Package.swift` (or `PROPERTY_CORPUS_DIR` when set).
  case fixtures
  /// A corpus root of your choosing (tests of failing-on-purpose properties use a
  /// temporary directory, so that they never write into the committed corpus).
  case directory(String)
  /// No corpus: nothing replayed, nothing saved.
  case disabled
}

/// One corpus entry: the choice sequence of a shrunk counterexample and the size
/// parameter it was generated with.
///
/// File format (UTF-8 text; `#` lines are comments for humans and ignored):
/// ```
/// # property: every integer is below 1000
/// # counterexample: 1000
/// size 37
/// choices 0 1000
/// ```
public struct CorpusEntry: Equatable, Sendable {
  /// The size parameter of the case.
  public var size: Int
  /// The recorded choices.
  public var choices: [UInt64]

  /// Creates an entry.
  public init(size: Int, choices: [UInt64]) {
    self.size = size
    self.choices = choices
  }

  /// Parses an entry's file text; `nil` if it has no `choices` line.
  public init?(text: String) {
    var size = 0
    var choices: [UInt64]?
    for rawLine in text.split(whereSeparator: \.isNewline) {
      let line = String(rawLine).trimmingWhitespace()
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: " ")
      switch fields.first {
      case "size": size = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
      case "choices":
        let parsed = fields.dropFirst().map { UInt64($0) }
        if parsed.contains(nil) { return nil }
        choices = parsed.compactMap { $0 }
      default: continue
      }
    }
    guard let choices else { return nil }
    self.init(size: size, choices: choices)
  }

  /// The file text, with the property name and counterexample as comments.
  public func text(property: String, counterexample: String) -> String {
    let commented = counterexample.split(separator: "\n").map { "#   " + $0 }.joined(separator: "\n")
    return """
      # PropertyTesting corpus entry: a shrunk counterexample, replayed before new cases.
      # property: \(property)
      # counterexample:
      \(commented)
      size \(size)
      choices \(choices.map(String.init).joined(separator: " "))

      """
  }

  /// A stable file name derived from the contents (FNV-1a hash), so that saving the same
  /// counterexample twice does not duplicate it.
  public var fileName: String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for word in [UInt64(size)] + choices {
      for shift in stride(from: 0, to: 64, by: 8) {
        hash ^= (word >> UInt64(shift)) & 0xFF
        hash = hash &* 0x0000_0100_0000_01B3
      }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex + ".txt"
  }
}

/// The corpus directory of one property, resolved.
struct PropertyCorpus {
  let directory: URL

  /// Resolves the directory for `property` or returns nil when the corpus is disabled or
  /// the repo root cannot be found.
  init?(_ corpus: Corpus, property: String, callerFile: String, environment: PropertyEnvironment) {
    let root: URL
    switch corpus {
    case .disabled:
      return nil
    case .directory(let path):
      root = URL(fileURLWithPath: path)
    case .fixtures:
      if let override = environment.corpusDirectory {
        root = URL(fileURLWithPath: override)
      } else if let repo = PropertyCorpus.repositoryRoot(containing: callerFile) {
        root = repo.appendingPathComponent("Fixtures").appendingPathComponent("corpus")
      } else {
        return nil
      }
    }
    directory = root.appendingPathComponent(PropertyCorpus.slug(property))
  }

  /// The nearest ancestor directory of `file` holding a `Package.swift`.
  static func repositoryRoot(containing file: String) -> URL? {
    var url = URL(fileURLWithPath: file).deletingLastPathComponent()
    while url.path != "/" && !url.path.isEmpty {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
      url = url.deletingLastPathComponent()
    }
    return nil
  }

  /// A file-system-safe directory name for a property name: lower-case letters, digits
  /// and dashes.
  static func slug(_ name: String) -> String {
    var out = ""
    for ch in name.lowercased() {
      if ch.isASCII && (ch.isLetter || ch.isNumber) {
        out.append(ch)
      } else if !out.hasSuffix("-") {
        out.append("-")
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    while out.hasPrefix("-") { out.removeFirst() }
    return out.isEmpty ? "unnamed" : out
  }

  /// All entries, in file-name order (deterministic replay order).
  func entries() -> [(path: String, entry: CorpusEntry)] {
    guard
      let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
    else { return [] }
    return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
      let url = directory.appendingPathComponent(name)
      guard let text = try? String(contentsOf: url, encoding: .utf8),
        let entry = CorpusEntry(text: text)
      else { return nil }
      return (url.path, entry)
    }
  }

  /// Saves an entry; returns its path, or nil if writing failed (a read-only checkout must
  /// not turn a property failure into a different error).
  func save(_ entry: CorpusEntry, property: String, counterexample: String) -> String? {
    let url = directory.appendingPathComponent(entry.fileName)
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try entry.text(property: property, counterexample: counterexample)
        .write(to: url, atomically: true, encoding: .utf8)
      return url.path
    } catch {
      return nil
    }
  }
}
