/// A syntax error in a JSON text, with the position where it was detected.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, in words.
  public var message: String
  /// Where it was detected.
  public var position: SourcePosition

  /// Creates an error.
  public init(_ message: String, at position: SourcePosition) {
    self.message = message
    self.position = position
  }

  /// `line L, column C: message`.
  public var description: String { "\(position): \(message)" }
}

/// A strict RFC 8259 JSON parser that keeps numbers as exact text.
///
/// Foundation's `JSONSerialization` turns numbers into `Double`, which loses
/// exactly what `theorem-check` is about, and its errors carry no line and
/// column. This parser is small, strict (no trailing commas, no comments, no
/// leading zeros, no `NaN`), validates UTF-8, rejects duplicate keys, and
/// bounds its nesting depth so that no input can exhaust the stack.
public struct JSONParser: Sendable {
  /// The deepest nesting of arrays and objects accepted. The input schema
  /// needs 3; the bound only exists so hostile input cannot overflow the stack.
  public var maximumDepth: Int

  /// Creates a parser.
  public init(maximumDepth: Int = 64) {
    self.maximumDepth = maximumDepth
  }

  /// Parses a whole JSON text (one value, surrounded only by whitespace).
  public func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
    try UTF8Validation.validate(bytes)
    var cursor = Cursor(bytes: bytes, maximumDepth: maximumDepth)
    cursor.skipByteOrderMark()
    cursor.skipWhitespace()
    let node = try cursor.parseValue(depth: 0)
    cursor.skipWhitespace()
    if let byte = cursor.peek {
      throw cursor.error("unexpected \(Cursor.describe(byte)) after the end of the JSON value")
    }
    return node
  }

  /// Parses a JSON text given as a string.
  public func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
    try parse(Array(text.utf8))
  }
}

/// The parser's state: the bytes, the read index and the current position.
private struct Cursor {
  let bytes: [UInt8]
  let maximumDepth: Int
  var index = 0
  var line = 1
  var column = 1

  init(bytes: [UInt8], maximumDepth: Int) {
    self.bytes = bytes
    self.maximumDepth = maximumDepth
  }

  var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
  var position: SourcePosition { SourcePosition(line: line, column: column) }

  func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message, at: position) }

  /// Moves past one byte, keeping line and column in step. Continuation bytes
  /// of a multi-byte UTF-8 sequence do not advance the column.
  mutating func advance() {
    let byte = bytes[index]
    index += 1
    if byte == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  mutating func skipByteOrderMark() {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      index = 3  // the BOM is invisible to editors: the column stays 1
    }
  }

  mutating func skipWhitespace() {
    while let byte = peek,
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "\r")
    {
      advance()
    }
  }

  static func describe(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    if byte == 0x20 { return "space" }
    if byte >= 0x80 { return "non-ASCII character" }
    return "control character U+\(hex4(UInt32(byte)))"
  }

  static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
    let start = position
    guard let byte = peek else { throw error("unexpected end of input: expected a value") }
    switch byte {
    case UInt8(ascii: "{"):
      return JSONNode(try parseObject(depth: depth + 1), at: start)
    case UInt8(ascii: "["):
      return JSONNode(try parseArray(depth: depth + 1), at: start)
    case UInt8(ascii: "\""):
      return JSONNode(.string(try parseString()), at: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONNode(.number(try parseNumber()), at: start)
    case UInt8(ascii: "t"):
      try expectWord("true")
      return JSONNode(.bool(true), at: start)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return JSONNode(.bool(false), at: start)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return JSONNode(.null, at: start)
    case UInt8(ascii: "'"):
      throw error("strings must use double quotes, not single quotes")
    case UInt8(ascii: "N"), UInt8(ascii: "I"), UInt8(ascii: "+"), UInt8(ascii: "."):
      throw error("\(Cursor.describe(byte)) cannot start a JSON number (NaN, Infinity, '+' and a leading '.' are not JSON)")
    default:
      throw error("unexpected \(Cursor.describe(byte)): expected a value")
    }
  }

  mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
    let start = position
    let expected = word.withUTF8Buffer { Array($0) }
    for byte in expected {
      guard peek == byte else {
        throw JSONSyntaxError("invalid literal: expected '\(word)'", at: start)
      }
      advance()
    }
  }

  mutating func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
    if depth > maximumDepth {
      throw error("nesting deeper than \(maximumDepth) levels")
    }
  }

  mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    try checkDepth(depth)
    advance()  // [
    var elements: [JSONNode] = []
    skipWhitespace()
    if peek == UInt8(ascii: "]") {
      advance()
      return .array(elements)
    }
    while true {
      skipWhitespace()
      if peek == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
      elements.append(try parseValue(depth: depth))
      skipWhitespace()
      guard let byte = peek else { throw error("unexpected end of input: expected ',' or ']'") }
      advance()
      if byte == UInt8(ascii: "]") { return .array(elements) }
      if byte != UInt8(ascii: ",") {
        throw JSONSyntaxError(
          "expected ',' or ']' after an array element, found \(Cursor.describe(byte))",
          at: SourcePosition(line: line, column: column - 1))
      }
    }
  }

  mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    try checkDepth(depth)
    advance()  // {
    var members: [JSONMember] = []
    var seen: Set<String> = []
    skipWhitespace()
    if peek == UInt8(ascii: "}") {
      advance()
      return .object(members)
    }
    while true {
      skipWhitespace()
      let keyPosition = position
      guard let byte = peek else { throw error("unexpected end of input: expected a key") }
      if byte == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
      guard byte == UInt8(ascii: "\"") else {
        throw error("expected a double-quoted key, found \(Cursor.describe(byte))")
      }
      let key = try parseString()
      guard seen.insert(key).inserted else {
        throw JSONSyntaxError("duplicate key \"\(key)\"", at: keyPosition)
      }
      skipWhitespace()
      guard peek == UInt8(ascii: ":") else {
        if let byte = peek { throw error("expected ':' after the key, found \(Cursor.describe(byte))") }
        throw error("unexpected end of input: expected ':'")
      }
      advance()
      skipWhitespace()
      let value = try parseValue(depth: depth)
      members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
      skipWhitespace()
      guard let next = peek else { throw error("unexpected end of input: expected ',' or '}'") }
      advance()
      if next == UInt8(ascii: "}") { return .object(members) }
      if next != UInt8(ascii: ",") {
        throw JSONSyntaxError(
          "expected ',' or '}' after an object member, found \(Cursor.describe(next))",
          at: SourcePosition(line: line, column: column - 1))
      }
    }
  }

  mutating func parseString() throws(JSONSyntaxError) -> String {
    let start = position
    advance()  // opening quote
    var buffer: [UInt8] = []
    while true {
      guard let byte = peek else {
        throw JSONSyntaxError("unterminated string", at: start)
      }
      switch byte {
      case UInt8(ascii: "\""):
        advance()
        // The input was validated as UTF-8 and escapes are encoded as valid
        // scalars, so this decoding never substitutes replacement characters.
        return String(decoding: buffer, as: UTF8.self)
      case UInt8(ascii: "\\"):
        advance()
        try parseEscape(into: &buffer)
      case 0x00..<0x20:
        throw error("control character U+\(Cursor.hex4(UInt32(byte))) in a string must be escaped")
      default:
        buffer.append(byte)
        advance()
      }
    }
  }

  mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
    guard let byte = peek else { throw error("unterminated escape sequence") }
    let simple: UInt8?
    switch byte {
    case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
    case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
    case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
    case UInt8(ascii: "b"): simple = 0x08
    case UInt8(ascii: "f"): simple = 0x0C
    case UInt8(ascii: "n"): simple = 0x0A
    case UInt8(ascii: "r"): simple = 0x0D
    case UInt8(ascii: "t"): simple = 0x09
    case UInt8(ascii: "u"): simple = nil
    default: throw error("invalid escape sequence '\\\(Character(Unicode.Scalar(byte)))'")
    }
    advance()
    if let simple {
      buffer.append(simple)
      return
    }
    let escapeStart = SourcePosition(line: line, column: column - 2)
    var scalarValue = try parseHex4()
    if (0xD800..<0xDC00).contains(scalarValue) {
      // A high surrogate must be followed by an escaped low surrogate.
      guard peek == UInt8(ascii: "\\") else {
        throw JSONSyntaxError("unpaired surrogate \\u\(Cursor.hex4(scalarValue))", at: escapeStart)
      }
      advance()
      guard peek == UInt8(ascii: "u") else {
        throw JSONSyntaxError("unpaired surrogate \\u\(Cursor.hex4(scalarValue))", at: escapeStart)
      }
      advance()
      let low = try parseHex4()
      guard (0xDC00..<0xE000).contains(low) else {
        throw JSONSyntaxError("unpaired surrogate \\u\(Cursor.hex4(scalarValue))", at: escapeStart)
      }
      scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
    } else if (0xDC00..<0xE000).contains(scalarValue) {
      throw JSONSyntaxError("unpaired surrogate \\u\(Cursor.hex4(scalarValue))", at: escapeStart)
    }
    guard let scalar = Unicode.Scalar(scalarValue) else {
      throw JSONSyntaxError("invalid Unicode escape", at: escapeStart)
    }
    buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = peek else { throw error("unterminated \\u escape") }
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("\\u must be followed by four hexadecimal digits")
      }
      value = value * 16 + digit
      advance()
    }
    return value
  }

  static func isDigit(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
    let startIndex = index
    var isInteger = true
    if peek == UInt8(ascii: "-") { advance() }
    guard Cursor.isDigit(peek) else { throw error("expected a digit in the number") }
    if peek == UInt8(ascii: "0") {
      advance()
      if Cursor.isDigit(peek) { throw error("leading zeros are not allowed in JSON numbers") }
    } else {
      while Cursor.isDigit(peek) { advance() }
    }
    if peek == UInt8(ascii: ".") {
      isInteger = false
      advance()
      guard Cursor.isDigit(peek) else { throw error("expected a digit after the decimal point") }
      while Cursor.isDigit(peek) { advance() }
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      isInteger = false
      advance()
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
      guard Cursor.isDigit(peek) else { throw error("expected a digit in the exponent") }
      while Cursor.isDigit(peek) { advance() }
    }
    if let byte = peek, byte == UInt8(ascii: "/") {
      throw error("a fraction must be written as a string, e.g. \"3/4\"")
    }
    let text = String(decoding: bytes[startIndex..<index], as: UTF8.self)
    return JSONNumber(text: text, isIntegerLiteral: isInteger)
  }
}

/// UTF-8 validation with the position of the first bad byte (RFC 3629:
/// no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
  static func validate(_ bytes: [UInt8]) throws(JSONSyntaxError) {
    var index = 0
    var line = 1
    var column = 1
    while index < bytes.count {
      let lead = bytes[index]
      let length: Int
      var lowerBound: UInt8 = 0x80
      var upperBound: UInt8 = 0xBF
      switch lead {
      case 0x00..<0x80: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; lowerBound = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; upperBound = 0x9F
      case 0xF0: length = 4; lowerBound = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; upperBound = 0x8F
      default:
        throw JSONSyntaxError("invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true))", at: SourcePosition(line: line, column: column))
      }
      if length > 1 {
        guard index + length <= bytes.count else {
          throw JSONSyntaxError("truncated UTF-8 sequence", at: SourcePosition(line: line, column: column))
        }
        for offset in 1..<length {
          let byte = bytes[index + offset]
          let (low, high) = offset == 1 ? (lowerBound, upperBound) : (UInt8(0x80), UInt8(0xBF))
          guard byte >= low && byte <= high else {
            throw JSONSyntaxError("invalid UTF-8 sequence", at: SourcePosition(line: line, column: column))
          }
        }
      }
      if lead == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += length
    }
  }
}
