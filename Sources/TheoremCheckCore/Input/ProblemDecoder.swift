import ExactArithmetic

/// Turns a `theorem-check` input file into a validated `QuadraticProblem`,
/// or an `InputError` naming the first problem found.
///
/// The checks run from the cheapest to the most expensive: JSON syntax, the
/// schema, exactness of every number, shapes and dimensions, ranges of k,
/// theta and steps, symmetry of A, then (exact linear algebra) positive
/// definiteness with a certificate, w* = A^-1 b, and start != w*.
public struct ProblemDecoder: Sendable {
  /// The size bounds applied.
  public var limits: InputLimits
  /// The largest accepted file, in bytes.
  public var byteLimit: Int

  /// Creates a decoder.
  public init(limits: InputLimits = .standard, byteLimit: Int = InputFile.defaultByteLimit) {
    self.limits = limits
    self.byteLimit = byteLimit
  }

  /// The keys of the top-level object.
  public static let topLevelKeys = ["A", "minimizer", "b", "start", "estimator", "theta", "steps", "precision"]

  /// Reads, parses and validates the file at `path`.
  public func decode(file path: String) throws(InputError) -> QuadraticProblem {
    let bytes = try InputFile.read(path, byteLimit: byteLimit)
    do {
      return try decode(bytes: bytes)
    } catch {
      throw error.inFile(path)
    }
  }

  /// Parses and validates a JSON text.
  public func decode(bytes: [UInt8]) throws(InputError) -> QuadraticProblem {
    if bytes.count > byteLimit {
      throw InputError(.fileTooLarge, "the input is larger than \(byteLimit) bytes")
    }
    let root: JSONNode
    do {
      root = try JSONParser().parse(bytes)
    } catch {
      throw InputError(.malformedJSON, "malformed JSON: \(error.message)", at: InputLocation(position: error.position))
    }
    return try decode(root)
  }

  /// Validates an already parsed document.
  public func decode(_ root: JSONNode) throws(InputError) -> QuadraticProblem {
    let json = JSONDecoding(limits: limits)
    let top = try json.object(root, .root, allowedKeys: Self.topLevelKeys)

    let matrixNode = try top.required("A")
    let matrix = try json.squareMatrix(matrixNode, FieldPath.root.member("A"))
    let n = matrix.count

    // Either the minimizer or b, not both.
    let minimizerNode = top.optional("minimizer")
    let bNode = top.optional("b")
    if minimizerNode != nil && bNode != nil {
      throw InputError(
        .schema, "give either \"minimizer\" or \"b\", not both",
        at: InputLocation(position: bNode!.position))
    }
    guard minimizerNode != nil || bNode != nil else {
      throw InputError(.schema, "missing the minimizer: give \"minimizer\" (w*) or \"b\" (then w* = A^-1 b)", at: InputLocation(position: root.position))
    }
    let targetKey = minimizerNode != nil ? "minimizer" : "b"
    let targetNode = minimizerNode ?? bNode!
    let target = try json.vector(targetNode, FieldPath.root.member(targetKey))
    try checkDimension(target.count, n, targetKey, targetNode)

    let startNode = try top.required("start")
    let start = try json.vector(startNode, FieldPath.root.member("start"))
    try checkDimension(start.count, n, "start", startNode)

    let estimatorNode = top.optional("estimator")
    var estimator = EstimatorSpec.exact
    if let estimatorNode {
      estimator = try decodeEstimator(estimatorNode, dimension: n, json: json)
    }

    var theta = ThetaSpec.auto
    if let thetaNode = top.optional("theta") {
      theta = try decodeTheta(thetaNode, json: json)
    }

    var steps = 1
    if case .given(let vectors) = estimator { steps = vectors.count }
    if let stepsNode = top.optional("steps") {
      let path = FieldPath.root.member("steps")
      steps = try json.integer(stepsNode, path, in: 1...Int.max, errorClass: .stepsNotPositiveInteger, what: "\"steps\"")
      if steps > limits.maximumSteps {
        throw InputError(.limitExceeded, "\(steps) steps exceed the limit of \(limits.maximumSteps)", at: json.location(path, stepsNode))
      }
      if case .given(let vectors) = estimator, vectors.count != steps {
        throw InputError(
          .dimensionMismatch, "\"steps\" is \(steps) but estimator.g gives \(vectors.count) vectors (one per step)",
          at: json.location(path, stepsNode))
      }
    }

    var precision = 30
    if let precisionNode = top.optional("precision") {
      precision = try json.integer(
        precisionNode, FieldPath.root.member("precision"), in: 1...1024, errorClass: .schema,
        what: "\"precision\" (bits of the spectrum bounds' relative gap 2^-precision)")
    }

    try checkSymmetric(matrix, matrixNode)

    var problem = QuadraticProblem(
      matrix: matrix, minimizer: target, linearTerm: nil, start: start, estimator: estimator,
      theta: theta, steps: steps, precision: precision)
    try QuadraticValidation.checkPositiveDefinite(matrix, at: InputLocation(field: "A", position: matrixNode.position))
    if bNode != nil {
      problem.linearTerm = target
      problem.minimizer = try QuadraticValidation.minimizer(matrix, b: target, at: InputLocation(field: "b", position: targetNode.position))
    }
    if problem.start == problem.minimizer {
      throw InputError(
        .alreadyOptimal,
        "start equals the minimizer w*: it is already optimal, so there is no step to check (move start away from w*)",
        at: json.location(FieldPath.root.member("start"), startNode))
    }
    return problem
  }

  func checkDimension(_ found: Int, _ n: Int, _ key: String, _ node: JSONNode) throws(InputError) {
    guard found == n else {
      throw InputError(
        .dimensionMismatch, "\"\(key)\" has \(found) entries but A is \(n) x \(n)",
        at: InputLocation(field: key, position: node.position))
    }
  }

  func checkSymmetric(_ matrix: [[Rational]], _ node: JSONNode) throws(InputError) {
    let n = matrix.count
    for i in 0..<n {
      for j in (i + 1)..<n where matrix[i][j] != matrix[j][i] {
        throw InputError(
          .notSymmetric,
          "A is not symmetric: A[\(i)][\(j)] = \(matrix[i][j]) but A[\(j)][\(i)] = \(matrix[j][i]) (the loss 1/2 (w - w*)^T A (w - w*) needs a symmetric A)",
          at: InputLocation(field: "A", position: node.position))
      }
    }
  }

  static let estimatorKinds = ["exact", "topk", "randomk", "given"]

  func decodeEstimator(_ node: JSONNode, dimension n: Int, json: JSONDecoding) throws(InputError) -> EstimatorSpec {
    let path = FieldPath.root.member("estimator")
    let object = try json.object(node, path, allowedKeys: ["kind", "k", "seed", "g"])
    let kindNode = try object.required("kind")
    guard case .string(let kind) = kindNode.value, Self.estimatorKinds.contains(kind) else {
      throw InputError(
        .schema, "estimator.kind must be one of \"exact\", \"topk\", \"randomk\", \"given\"",
        at: json.location(path.member("kind"), kindNode))
    }
    let allowed: [String: [String]] = ["exact": [], "topk": ["k"], "randomk": ["k", "seed"], "given": ["g"]]
    for member in object.members where member.key != "kind" && !allowed[kind]!.contains(member.key) {
      throw InputError(
        .schema, "estimator kind \"\(kind)\" takes no \"\(member.key)\"",
        at: InputLocation(field: path.member(member.key).description, position: member.keyPosition))
    }
    func decodeK() throws(InputError) -> Int {
      let kNode = try object.required("k")
      guard case .number(let number) = kNode.value, number.isIntegerLiteral else {
        throw InputError(.kOutOfRange, "estimator.k must be an integer from 1 to \(n) (the dimension)", at: json.location(path.member("k"), kNode))
      }
      guard let k = Int(number.text), (1...n).contains(k) else {
        throw InputError(
          .kOutOfRange, "estimator.k = \(JSONDecoding.shortened(number.text)) is out of range: it must be from 1 to \(n) (the dimension)",
          at: json.location(path.member("k"), kNode))
      }
      return k
    }
    switch kind {
    case "exact":
      return .exact
    case "topk":
      return .topK(k: try decodeK())
    case "randomk":
      let k = try decodeK()
      let seedNode = try object.required("seed")
      guard case .number(let number) = seedNode.value, number.isIntegerLiteral, let seed = UInt64(number.text) else {
        throw InputError(.schema, "estimator.seed must be an integer from 0 to \(UInt64.max)", at: json.location(path.member("seed"), seedNode))
      }
      return .randomK(k: k, seed: seed)
    default:
      let gNode = try object.required("g")
      let gPath = path.member("g")
      let vectors = try json.array(gNode, gPath, what: "a list of vectors, one per step")
      guard !vectors.isEmpty else {
        throw InputError(.stepsNotPositiveInteger, "estimator.g is empty: give one vector per step", at: json.location(gPath, gNode))
      }
      if vectors.count > limits.maximumSteps {
        throw InputError(.limitExceeded, "\(vectors.count) vectors exceed the step limit of \(limits.maximumSteps)", at: json.location(gPath, gNode))
      }
      var result: [[Rational]] = []
      for (index, vectorNode) in vectors.enumerated() {
        let vector = try json.vector(vectorNode, gPath.element(index))
        guard vector.count == n else {
          throw InputError(
            .dimensionMismatch, "estimator.g[\(index)] has \(vector.count) entries but A is \(n) x \(n)",
            at: json.location(gPath.element(index), vectorNode))
        }
        result.append(vector)
      }
      return .given(result)
    }
  }

  func decodeTheta(_ node: JSONNode, json: JSONDecoding) throws(InputError) -> ThetaSpec {
    let path = FieldPath.root.member("theta")
    if case .string(let text) = node.value {
      guard text == "auto" else {
        throw InputError(.schema, "theta must be \"auto\", {\"cos\": q} or {\"sin\": q}", at: json.location(path, node))
      }
      return .auto
    }
    let object = try json.object(node, path, allowedKeys: ["cos", "sin"])
    guard object.members.count == 1 else {
      throw InputError(.schema, "theta must have exactly one of \"cos\" and \"sin\"", at: json.location(path, node))
    }
    let member = object.members[0]
    let q = try json.rational(member.value, path.member(member.key))
    let where_ = json.location(path.member(member.key), member.value)
    let zero = Rational(0)
    let one = Rational(1)
    if member.key == "cos" {
      if q > one {
        throw InputError(.thetaNotBelowHalfPi, "cos(theta) = \(q) is greater than 1: not the cosine of an angle", at: where_)
      }
      if q <= zero {
        throw InputError(
          .thetaNotBelowHalfPi,
          "cos(theta) = \(q) means theta >= pi/2; Theorem 1 needs theta < pi/2, i.e. cos(theta) > 0", at: where_)
      }
      return .cosine(q)
    } else {
      if q < zero {
        throw InputError(.thetaNotBelowHalfPi, "sin(theta) = \(q) is negative: theta must be in [0, pi/2)", at: where_)
      }
      if q >= one {
        throw InputError(
          .thetaNotBelowHalfPi,
          "sin(theta) = \(q) means theta >= pi/2 (or is not a sine); Theorem 1 needs theta < pi/2, i.e. sin(theta) < 1",
          at: where_)
      }
      return .sine(q)
    }
  }
}
