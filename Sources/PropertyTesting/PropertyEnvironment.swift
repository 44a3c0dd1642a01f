// Run settings read from environment variables.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The environment variables that steer property runs, parsed once per `forAll` call.
///
/// | Variable | Meaning |
/// |---|---|
/// | `PROPERTY_SEED` | run seed (decimal or `0x` hex) for every property without its own `seed:` |
/// | `PROPERTY_SCALE` | multiplies every property's case count (e.g. `20` for a soak run, `0.1` for a smoke run) |
/// | `PROPERTY_SHARD` | `i/n`: run only the cases whose index is `i` modulo `n` (0-based `i`) |
/// | `PROPERTY_REPLAY` | `name:seed:case`: run exactly one case of the property named `name` |
/// | `PROPERTY_STATS` | `1`: print label statistics of every property |
/// | `PROPERTY_CORPUS_DIR` | the corpus root to use instead of `<repo>/Fixtures/corpus` |
public struct PropertyEnvironment: Sendable {
  /// `PROPERTY_SEED`.
  public var seed: UInt64?
  /// `PROPERTY_SCALE` (1 when unset).
  public var scale: Double = 1
  /// `PROPERTY_SHARD` as (index, count); (0, 1) when unset.
  public var shard: (index: Int, count: Int) = (0, 1)
  /// `PROPERTY_REPLAY` as (name, seed, case index).
  public var replay: (name: String, seed: UInt64, caseIndex: Int)?
  /// `PROPERTY_STATS`.
  public var statistics = false
  /// `PROPERTY_CORPUS_DIR`.
  public var corpusDirectory: String?

  /// No variables set.
  public init() {}

  /// Parses the given variables; throws a message naming the bad variable.
  public init(variables: [String: String]) throws {
    if let text = variables["PROPERTY_SEED"], !text.isEmpty {
      guard let value = PropertyEnvironment.parseSeed(text) else {
        throw GeneratorError("PROPERTY_SEED=\(text) is not a 64-bit unsigned integer (decimal or 0x-hex)")
      }
      seed = value
    }
    if let text = variables["PROPERTY_SCALE"], !text.isEmpty {
      guard let value = Double(text), value > 0, value.isFinite else {
        throw GeneratorError("PROPERTY_SCALE=\(text) is not a positive number")
      }
      scale = value
    }
    if let text = variables["PROPERTY_SHARD"], !text.isEmpty {
      let parts = text.split(separator: "/")
      guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (0..<n).contains(i)
      else {
        throw GeneratorError("PROPERTY_SHARD=\(text) is not of the form i/n with 0 <= i < n")
      }
      shard = (i, n)
    }
    if let text = variables["PROPERTY_REPLAY"], !text.isEmpty {
      // The name may itself contain colons, so split from the right.
      let parts = text.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count >= 3, let s = PropertyEnvironment.parseSeed(String(parts[parts.count - 2])),
        let c = Int(parts[parts.count - 1]), c >= 0
      else {
        throw GeneratorError("PROPERTY_REPLAY=\(text) is not of the form name:seed:case")
      }
      replay = (parts.dropLast(2).joined(separator: ":"), s, c)
    }
    if let text = variables["PROPERTY_STATS"] {
      statistics = !["", "0", "false", "no"].contains(text.lowercased())
    }
    if let text = variables["PROPERTY_CORPUS_DIR"], !text.isEmpty {
      corpusDirectory = text
    }
  }

  /// Parses this process's environment.
  public static func current() throws -> PropertyEnvironment {
    var variables: [String: String] = [:]
    for key in [
      "PROPERTY_SEED", "PROPERTY_SCALE", "PROPERTY_SHARD", "PROPERTY_REPLAY", "PROPERTY_STATS",
      "PROPERTY_CORPUS_DIR",
    ] {
      if let raw = getenv(key) { variables[key] = String(cString: raw) }
    }
    return try PropertyEnvironment(variables: variables)
  }

  static func parseSeed(_ text: String) -> UInt64? {
    let trimmed = text.trimmingWhitespace()
    if trimmed.hasPrefix("0x") || trimmed.hasPrefix("0X") {
      return UInt64(trimmed.dropFirst(2), radix: 16)
    }
    return UInt64(trimmed)
  }
}

extension String {
  func trimmingWhitespace() -> String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}
