/// Serializes `JSONValue`s, pretty-printed with two-space indentation and
/// members in the order given (so reports read top to bottom like the text
/// output). Numbers are written as their literal text.
public enum JSONWriter {
  /// The JSON text of `value`, ending without a newline.
  public static func write(_ value: JSONValue, indent: Int = 0) -> String {
    var output = ""
    write(value, indent: indent, into: &output)
    return output
  }

  static func write(_ value: JSONValue, indent: Int, into output: inout String) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closePad = String(repeating: "  ", count: indent)
    switch value {
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{\n"
      for (index, member) in members.enumerated() {
        output += pad
        output += quoted(member.key)
        output += ": "
        write(member.value.value, indent: indent + 1, into: &output)
        output += index + 1 < members.count ? ",\n" : "\n"
      }
      output += closePad + "}"
    case .array(let elements):
      if elements.isEmpty {
        output += "[]"
        return
      }
      // Arrays of scalars stay on one line: vectors read better that way.
      let allScalars = elements.allSatisfy {
        switch $0.value {
        case .object, .array: return false
        default: return true
        }
      }
      if allScalars {
        output += "["
        for (index, element) in elements.enumerated() {
          if index > 0 { output += ", " }
          write(element.value, indent: indent + 1, into: &output)
        }
        output += "]"
        return
      }
      output += "[\n"
      for (index, element) in elements.enumerated() {
        output += pad
        write(element.value, indent: indent + 1, into: &output)
        output += index + 1 < elements.count ? ",\n" : "\n"
      }
      output += closePad + "]"
    case .string(let string):
      output += quoted(string)
    case .number(let number):
      output += number.text
    case .bool(let flag):
      output += flag ? "true" : "false"
    case .null:
      output += "null"
    }
  }

  /// A JSON string literal for `string`, escaping quotes, backslashes and
  /// control characters.
  public static func quoted(_ string: String) -> String {
    var output = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      default:
        if scalar.value < 0x20 {
          let digits = String(scalar.value, radix: 16, uppercase: true)
          output += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output + "\""
  }
}

/// Small builders that keep report code readable.
extension JSONValue {
  /// An object from key-value pairs, in order (positions are irrelevant in output).
  public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
    .object(pairs.map { JSONMember(key: $0.key, keyPosition: SourcePosition(line: 0, column: 0), value: JSONNode($0.value, at: SourcePosition(line: 0, column: 0))) })
  }

  /// An object from an array of key-value pairs, in order.
  public static func object(ordered pairs: [(String, JSONValue)]) -> JSONValue {
    .object(pairs.map { JSONMember(key: $0.0, keyPosition: SourcePosition(line: 0, column: 0), value: JSONNode($0.1, at: SourcePosition(line: 0, column: 0))) })
  }

  /// An array of values.
  public static func array(values: [JSONValue]) -> JSONValue {
    .array(values.map { JSONNode($0, at: SourcePosition(line: 0, column: 0)) })
  }

  /// An integer number.
  public static func integer(_ value: Int) -> JSONValue {
    .number(JSONNumber(text: String(value), isIntegerLiteral: true))
  }

  /// The member `key` of an object, if present.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first(where: { $0.key == key })?.value.value
  }

  /// The element at `index` of an array, if present.
  public subscript(index: Int) -> JSONValue? {
    guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
    return elements[index].value
  }

  /// The string, if this is a string.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The Boolean, if this is a Boolean.
  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The elements, if this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let elements) = self { return elements.map(\.value) }
    return nil
  }
}
