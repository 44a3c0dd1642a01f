import ExactArithmetic

/// A path to a field of the input, printed as `A[1][0]` or `estimator.k`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
  /// The printed path.
  public private(set) var description: String

  /// The root (the whole document).
  public static let root = FieldPath(description: "")

  /// The member `key` of this object.
  public func member(_ key: String) -> FieldPath {
    FieldPath(description: description.isEmpty ? key : "\(description).\(key)")
  }

  /// The element `index` of this array.
  public func element(_ index: Int) -> FieldPath {
    FieldPath(description: "\(description)[\(index)]")
  }
}

/// Bounds that keep exact arithmetic on hostile input finite.
public struct InputLimits: Sendable, Hashable {
  /// Largest dimension n of `A`.
  public var maximumDimension: Int
  /// Largest number of EGD steps.
  public var maximumSteps: Int
  /// Longest number text, in characters.
  public var maximumNumberLength: Int
  /// Largest decimal exponent magnitude in a number like `1e-3`.
  public var maximumExponent: Int

  /// Creates limits.
  public init(maximumDimension: Int = 128, maximumSteps: Int = 1_000, maximumNumberLength: Int = 10_000, maximumExponent: Int = 10_000) {
    self.maximumDimension = maximumDimension
    self.maximumSteps = maximumSteps
    self.maximumNumberLength = maximumNumberLength
    self.maximumExponent = maximumExponent
  }

  /// The defaults: n <= 128, steps <= 1000, numbers up to 10000 characters
  /// with exponents up to 10000. They refuse inputs that would run for hours (release
  /// build): the iterates' rationals grow linearly with the steps, so a run's cost grows
  /// about quadratically (1000 steps of a 2 x 2 problem: about a minute), and one step of
  /// a 256-dimensional problem took 26 s.
  public static let standard = InputLimits()
}

/// Typed access to a parsed JSON document, turning every mismatch into an
/// `InputError` that names the field and its position.
struct JSONDecoding {
  var limits: InputLimits

  func location(_ path: FieldPath, _ node: JSONNode) -> InputLocation {
    InputLocation(field: path.description.isEmpty ? nil : path.description, position: node.position)
  }

  func wrongType(_ path: FieldPath, _ node: JSONNode, expected: String) -> InputError {
    InputError(.schema, "expected \(expected), found \(node.value.kindDescription)", at: location(path, node))
  }

  /// The members of an object, checked against the keys the schema knows.
  func object(_ node: JSONNode, _ path: FieldPath, allowedKeys: [String]) throws(InputError) -> ObjectReader {
    guard case .object(let members) = node.value else {
      throw wrongType(path, node, expected: "an object")
    }
    for member in members where !allowedKeys.contains(member.key) {
      throw InputError(
        .schema,
        "unknown key \"\(member.key)\"; expected one of: \(allowedKeys.map { "\"\($0)\"" }.joined(separator: ", "))",
        at: InputLocation(field: path.member(member.key).description, position: member.keyPosition))
    }
    return ObjectReader(node: node, path: path, members: members)
  }

  func array(_ node: JSONNode, _ path: FieldPath, what: String) throws(InputError) -> [JSONNode] {
    guard case .array(let elements) = node.value else {
      throw wrongType(path, node, expected: what)
    }
    return elements
  }

  /// An exact rational: a JSON integer literal or a string holding a rational.
  func rational(_ node: JSONNode, _ path: FieldPath) throws(InputError) -> Rational {
    let text: String
    switch node.value {
    case .number(let number):
      guard number.isIntegerLiteral else {
        throw InputError(
          .floatLiteral,
          "\(number.text) is a JSON floating-point literal, which is not exact; quote it: \"\(number.text)\"",
          at: location(path, node))
      }
      text = number.text
    case .string(let string):
      text = string
    default:
      throw wrongType(path, node, expected: "a number (an integer, or a string such as \"3/4\")")
    }
    try checkNumberSize(text, path, node)
    do {
      return try Rational(parsing: text)
    } catch {
      throw InputError(
        .notExactRational,
        "\"\(Self.shortened(text))\" is not an exact rational (write e.g. \"3/4\", \"-2\", \"0.125\" or \"1e-3\")",
        at: location(path, node))
    }
  }

  /// Refuses number texts whose value would be absurdly large before GMP
  /// is asked to build it (`1e99999999` has a hundred million digits).
  func checkNumberSize(_ text: String, _ path: FieldPath, _ node: JSONNode) throws(InputError) {
    let utf8 = text.utf8
    if utf8.count > limits.maximumNumberLength {
      throw InputError(
        .limitExceeded, "a number of \(utf8.count) characters is longer than the limit of \(limits.maximumNumberLength)",
        at: location(path, node))
    }
    // Find an exponent marker and read its magnitude without overflowing.
    guard let e = utf8.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return }
    var magnitude = 0
    for byte in utf8[utf8.index(after: e)...] {
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { continue }
      magnitude = magnitude * 10 + Int(byte - UInt8(ascii: "0"))
      if magnitude > limits.maximumExponent {
        throw InputError(
          .limitExceeded, "the exponent of \"\(Self.shortened(text))\" exceeds the limit of \(limits.maximumExponent)",
          at: location(path, node))
      }
    }
  }

  static func shortened(_ text: String) -> String {
    text.count <= 60 ? text : String(text.prefix(57)) + "..."
  }

  /// A non-empty vector of exact rationals.
  func vector(_ node: JSONNode, _ path: FieldPath) throws(InputError) -> [Rational] {
    let elements = try array(node, path, what: "a vector (an array of numbers)")
    guard !elements.isEmpty else {
      throw InputError(.dimensionMismatch, "the vector is empty", at: location(path, node))
    }
    if elements.count > limits.maximumDimension {
      throw InputError(
        .limitExceeded, "a vector of \(elements.count) entries exceeds the dimension limit of \(limits.maximumDimension)",
        at: location(path, node))
    }
    var result: [Rational] = []
    result.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      result.append(try rational(element, path.element(index)))
    }
    return result
  }

  /// A square matrix of exact rationals, given as an array of rows.
  func squareMatrix(_ node: JSONNode, _ path: FieldPath) throws(InputError) -> [[Rational]] {
    let rows = try array(node, path, what: "a matrix (an array of rows)")
    guard !rows.isEmpty else {
      throw InputError(.notSquare, "the matrix has no rows", at: location(path, node))
    }
    if rows.count > limits.maximumDimension {
      throw InputError(
        .limitExceeded, "a matrix of \(rows.count) rows exceeds the dimension limit of \(limits.maximumDimension)",
        at: location(path, node))
    }
    let n = rows.count
    var result: [[Rational]] = []
    result.reserveCapacity(n)
    for (i, rowNode) in rows.enumerated() {
      let entries = try array(rowNode, path.element(i), what: "a row (an array of numbers)")
      guard entries.count == n else {
        throw InputError(
          .notSquare, "the matrix has \(n) rows but row \(i) has \(entries.count) entries; A must be square",
          at: location(path.element(i), rowNode))
      }
      var row: [Rational] = []
      row.reserveCapacity(n)
      for (j, entry) in entries.enumerated() {
        row.append(try rational(entry, path.element(i).element(j)))
      }
      result.append(row)
    }
    return result
  }

  /// A JSON integer literal in `range`; anything else is an error of `errorClass`.
  func integer(
    _ node: JSONNode, _ path: FieldPath, in range: ClosedRange<Int>, errorClass: InputErrorClass, what: String
  ) throws(InputError) -> Int {
    guard case .number(let number) = node.value, number.isIntegerLiteral else {
      let found: String
      if case .number(let number) = node.value { found = number.text } else { found = node.value.kindDescription }
      throw InputError(errorClass, "\(what) must be \(Self.describe(range)) written as a JSON integer; found \(found)", at: location(path, node))
    }
    guard let value = Int(number.text), range.contains(value) else {
      throw InputError(errorClass, "\(what) must be \(Self.describe(range)); found \(Self.shortened(number.text))", at: location(path, node))
    }
    return value
  }

  static func describe(_ range: ClosedRange<Int>) -> String {
    if range.upperBound == Int.max { return "an integer >= \(range.lowerBound)" }
    return "an integer from \(range.lowerBound) to \(range.upperBound)"
  }
}

/// The members of one JSON object, looked up by key.
struct ObjectReader {
  let node: JSONNode
  let path: FieldPath
  let members: [JSONMember]

  func optional(_ key: String) -> JSONNode? {
    members.first(where: { $0.key == key })?.value
  }

  func required(_ key: String) throws(InputError) -> JSONNode {
    guard let value = optional(key) else {
      throw InputError(
        .schema, "missing required key \"\(key)\"",
        at: InputLocation(field: path.description.isEmpty ? nil : path.description, position: node.position))
    }
    return value
  }
}
