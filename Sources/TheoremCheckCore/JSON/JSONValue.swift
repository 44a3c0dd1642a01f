/// A position in a source text: 1-based line and column.
///
/// Columns count Unicode scalars, not bytes, so that a caret printed under the
/// line lands where an editor would put it.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
  /// The 1-based line number.
  public var line: Int
  /// The 1-based column, in Unicode scalars.
  public var column: Int

  /// Creates a position from a 1-based line and column.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line L, column C`.
  public var description: String { "line \(line), column \(column)" }
}

/// A JSON number kept as its literal text.
///
/// Exactness is the point of `theorem-check`: a number is never turned into a
/// `Double` here. The text is kept verbatim, together with whether the literal
/// is an integer (no fraction, no exponent), because integer literals are exact
/// and accepted while floating-point literals are rejected with a hint to quote
/// them.
public struct JSONNumber: Sendable, Hashable {
  /// The literal exactly as written in the source (e.g. `-12`, `0.5`, `1e-3`).
  public var text: String
  /// True when the literal has neither a fraction part nor an exponent.
  public var isIntegerLiteral: Bool

  /// Creates a number from its literal text.
  public init(text: String, isIntegerLiteral: Bool) {
    self.text = text
    self.isIntegerLiteral = isIntegerLiteral
  }
}

/// A JSON value together with the position where it starts.
public struct JSONNode: Sendable, Hashable {
  /// The value.
  public var value: JSONValue
  /// Where the value starts in the source.
  public var position: SourcePosition

  /// Creates a node.
  public init(_ value: JSONValue, at position: SourcePosition) {
    self.value = value
    self.position = position
  }
}

/// One `"key": value` member of a JSON object, in source order.
public struct JSONMember: Sendable, Hashable {
  /// The key, unescaped.
  public var key: String
  /// Where the key starts.
  public var keyPosition: SourcePosition
  /// The value.
  public var value: JSONNode

  /// Creates a member.
  public init(key: String, keyPosition: SourcePosition, value: JSONNode) {
    self.key = key
    self.keyPosition = keyPosition
    self.value = value
  }
}

/// A JSON value (RFC 8259), with numbers kept exact as text.
///
/// Objects keep their members in source order (duplicate keys are rejected by
/// the parser), so error messages can point at the offending member.
public indirect enum JSONValue: Sendable, Hashable {
  /// An object: members in source order.
  case object([JSONMember])
  /// An array.
  case array([JSONNode])
  /// A string, unescaped.
  case string(String)
  /// A number, as its literal text.
  case number(JSONNumber)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null

  /// A short name of the value's kind, for error messages ("an object", "a string", ...).
  public var kindDescription: String {
    switch self {
    case .object: return "an object"
    case .array: return "an array"
    case .string: return "a string"
    case .number(let n): return n.isIntegerLiteral ? "an integer" : "a floating-point number"
    case .bool: return "a boolean"
    case .null: return "null"
    }
  }
}
