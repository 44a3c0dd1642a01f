import Testing
@testable import TheoremCheckCore

/// The JSON parser: exact number text, strictness, and error positions.
@Suite struct JSONParserTests {
  let parser = JSONParser()

  @Test func keepsNumberTextVerbatimAndClassifiesLiterals() throws {
    let node = try parser.parse(#"[0, -12, 1.50, 1e-3, -0.0, 123456789012345678901234567890]"#)
    let numbers = try #require(node.value.arrayValue).map { value -> JSONNumber? in
      if case .number(let n) = value { return n }
      return nil
    }
    #expect(numbers.map { $0?.text } == ["0", "-12", "1.50", "1e-3", "-0.0", "123456789012345678901234567890"])
    #expect(numbers.map { $0?.isIntegerLiteral } == [true, true, false, false, false, true])
  }

  @Test func parsesNestedStructureInSourceOrder() throws {
    let node = try parser.parse("{\"b\": [true, false, null], \"a\": {\"x\": \"y\"}}")
    guard case .object(let members) = node.value else {
      Issue.record("expected an object")
      return
    }
    #expect(members.map(\.key) == ["b", "a"])
    #expect(node.value["b"]?[0]?.boolValue == true)
    #expect(node.value["b"]?[2] == .null)
    #expect(node.value["a"]?["x"]?.stringValue == "y")
  }

  @Test func decodesEscapesIncludingSurrogatePairs() throws {
    let node = try parser.parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4E2D", "\ud83d\ude00"]"#)
    #expect(node.value[0]?.stringValue == "a\"b\\c/d\u{08}\u{0C}\n\r\t")
    #expect(node.value[1]?.stringValue == "\u{E9}\u{4E2D}")
    #expect(node.value[2]?.stringValue == "\u{1F600}")
  }

  /// Positions are computed independently here: the expected column is the
  /// index of the marker character in the line, plus one.
  @Test(arguments: [
    ("{\"a\": [1, 2,]}", "]", "trailing comma"),
    ("{\"a\": 01}", "1", "leading zeros"),
    ("[1, 2 3]", "3", "expected ','"),
    ("{\"a\" 1}", "1", "expected ':'"),
    ("['x']", "'x", "double quotes"),
    ("[NaN]", "NaN", "NaN"),
    ("{\"k\": 1, \"k\": 2}", "\"k\": 2", "duplicate key"),
    ("[1/2]", "/", "fraction"),
    ("[tru]", "t", "invalid literal"),
  ])
  func reportsErrorsAtTheOffendingCharacter(text: String, marker: String, message: String) {
    let expectedColumn = text.distance(from: text.startIndex, to: text.range(of: marker, options: .backwards)!.lowerBound) + 1
    do {
      _ = try parser.parse(text)
      Issue.record("\(text) was accepted")
    } catch {
      #expect(error.position == SourcePosition(line: 1, column: expectedColumn), "\(text): \(error)")
      #expect(error.message.contains(message), "\(text): \(error.message)")
    }
  }

  @Test func countsLinesAndColumnsInScalarsAcrossLines() {
    // Line 3; the bad token follows a two-scalar, five-byte prefix "é中".
    let text = "{\n  \"a\": 1,\n\"é中\": x\n}"
    do {
      _ = try parser.parse(text)
      Issue.record("accepted")
    } catch {
      #expect(error.position == SourcePosition(line: 3, column: 7))
    }
  }

  @Test(arguments: [
    "", "   ", "[", "{", "{\"a\":", "\"abc", "[1,]", "{,}", "[\"\u{01}\"]", "[\"\\x\"]", "[\"\\u12\"]",
    "[\"\\ud800\"]", "[\"\\udc00\"]", "[\"\\ud800\\u0041\"]", "[+1]", "[.5]", "[1.]", "[1e]", "[-]", "1 2",
    "{\"a\":1}}", "[Infinity]", "//c\n1", "[1,,2]",
  ])
  func rejectsNonJSON(text: String) {
    #expect(throws: JSONSyntaxError.self) { try parser.parse(text) }
  }

  @Test func rejectsInvalidUTF8WithPosition() {
    let bytes: [UInt8] = Array("[\"ab".utf8) + [0xC0, 0xAF] + Array("\"]".utf8)
    do {
      _ = try parser.parse(bytes)
      Issue.record("accepted")
    } catch {
      #expect(error.position == SourcePosition(line: 1, column: 5))
      #expect(error.message.contains("UTF-8"))
    }
    // Overlong, surrogate and out-of-range encodings.
    for bad: [UInt8] in [[0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE4, 0xB8]] {
      #expect(throws: JSONSyntaxError.self) { try parser.parse([0x22] + bad + [0x22]) }
    }
  }

  @Test func boundsNestingDepthInsteadOfOverflowingTheStack() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    do {
      _ = try parser.parse(deep)
      Issue.record("accepted")
    } catch {
      #expect(error.message.contains("nesting"))
      #expect(error.position.column == parser.maximumDepth + 1)
    }
    let ok = String(repeating: "[", count: parser.maximumDepth) + String(repeating: "]", count: parser.maximumDepth)
    #expect(throws: Never.self) { try parser.parse(ok) }
  }

  @Test func acceptsByteOrderMarkAndAllWhitespace() throws {
    let node = try parser.parse([0xEF, 0xBB, 0xBF] + Array(" \t\r\n{\"a\" : [ ] }\n".utf8))
    #expect(node.value["a"]?.arrayValue?.isEmpty == true)
  }
}
