import ExactArithmetic

/// Reads a (possibly rectangular) matrix for `theorem-check conditioning`:
/// a JSON file holding `{"A": [[...], ...]}` (other keys ignored, so a
/// `check` input works too) or just the array of rows.
enum MatrixFile {
  static func read(_ path: String, limits: InputLimits = .standard) throws(InputError) -> [[Rational]] {
    let bytes = try InputFile.read(path)
    do {
      return try parse(bytes, limits: limits)
    } catch {
      throw error.inFile(path)
    }
  }

  static func parse(_ bytes: [UInt8], limits: InputLimits) throws(InputError) -> [[Rational]] {
      let root: JSONNode
      do {
        root = try JSONParser().parse(bytes)
      } catch {
        throw InputError(.malformedJSON, "malformed JSON: \(error.message)", at: InputLocation(position: error.position))
      }
      var node = root
      var fieldPath = FieldPath.root
      if case .object(let members) = root.value {
        guard let a = members.first(where: { $0.key == "A" }) else {
          throw InputError(.schema, "missing key \"A\" (the matrix)", at: InputLocation(position: root.position))
        }
        node = a.value
        fieldPath = fieldPath.member("A")
      }
      let json = JSONDecoding(limits: limits)
      let rowNodes = try json.array(node, fieldPath, what: "a matrix (an array of rows)")
      guard !rowNodes.isEmpty else { throw InputError(.notSquare, "the matrix has no rows", at: json.location(fieldPath, node)) }
      if rowNodes.count > limits.maximumDimension {
        throw InputError(.limitExceeded, "\(rowNodes.count) rows exceed the dimension limit of \(limits.maximumDimension)", at: json.location(fieldPath, node))
      }
      var rows: [[Rational]] = []
      for (i, rowNode) in rowNodes.enumerated() {
        let row = try json.vector(rowNode, fieldPath.element(i))
        if let first = rows.first, first.count != row.count {
          throw InputError(
            .dimensionMismatch, "row \(i) has \(row.count) entries but row 0 has \(first.count)",
            at: json.location(fieldPath.element(i), rowNode))
        }
        rows.append(row)
      }
      return rows
  }
}
