import Foundation

/// A reference network and its training recipe, as stored in `Fixtures/networks/*.json`.
public struct NetworkSpec: Codable, Sendable, Equatable {
  /// The network's name (the file's base name).
  public var name: String
  /// A sentence on where the recipe comes from.
  public var description: String?
  /// The task: `mnist` or `digits`.
  public var dataset: String
  /// Layer widths, input first, e.g. `[784, 500, 500, 10]`.
  public var sizes: [Int]
  /// The hidden activation: `relu`, `tanh`, `leaky-relu` or `leaky-relu:SLOPE`.
  public var activation: String
  /// Dropout probability after each hidden activation.
  public var dropout: Float
  /// The loss.
  public var loss: Loss
  /// The optimizer.
  public var optimizer: OptimizerDescription
  /// The minibatch size `B`.
  public var batchSize: Int
  /// The number of epochs.
  public var epochs: Int
  /// How many examples train and dev take; the test set is the task's own.
  public var split: Split
  /// The default `k` for SBP/MSBP, in `1...` the smallest hidden width.
  public var k: Int?
  /// The default memory ratio for MSBP.
  public var gamma: Float?
  /// The default selection.
  public var selection: Selection?

  /// The JSON keys; any other key in a network file is an error.
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, description, dataset, sizes, activation, dropout, loss, optimizer, batchSize, epochs, split, k, gamma,
      selection
  }

  /// Train/dev sizes: the first `train` examples of the task's training data train, the
  /// next `dev` examples are the development set.
  public struct Split: Codable, Sendable, Equatable {
    /// Training examples.
    public var train: Int
    /// Development examples.
    public var dev: Int

    /// The JSON keys; any other key is an error.
    enum CodingKeys: String, CodingKey, CaseIterable { case train, dev }

    /// A split of `train` then `dev` examples.
    public init(train: Int, dev: Int) {
      self.train = train
      self.dev = dev
    }
  }

  /// The JSON form of an optimizer.
  public struct OptimizerDescription: Codable, Sendable, Equatable {
    /// `adam` or `sgd`.
    public var kind: String
    /// The step size.
    public var learningRate: Float
    /// SGD momentum (default 0).
    public var momentum: Float?
    /// L2 weight decay (default 0).
    public var weightDecay: Float?
    /// Adam's first-moment decay (default 0.9).
    public var beta1: Float?
    /// Adam's second-moment decay (default 0.999).
    public var beta2: Float?
    /// Adam's epsilon (default 1e-8).
    public var epsilon: Float?

    /// The JSON keys; any other key is an error.
    enum CodingKeys: String, CodingKey, CaseIterable {
      case kind, learningRate, momentum, weightDecay, beta1, beta2, epsilon
    }

    /// The optimizer settings; throws on an unknown kind.
    public func resolved() throws(ConfigurationError) -> OptimizerSpec {
      switch kind {
      case "adam":
        .adam(learningRate: learningRate, beta1: beta1 ?? 0.9, beta2: beta2 ?? 0.999,
              epsilon: epsilon ?? 1e-8, weightDecay: weightDecay ?? 0)
      case "sgd":
        .sgd(learningRate: learningRate, momentum: momentum ?? 0, weightDecay: weightDecay ?? 0)
      default:
        throw ConfigurationError("unknown optimizer kind '\(kind)' (expected adam or sgd)")
      }
    }

    /// Checks the kind and every rate: `learningRate` finite and > 0, `momentum`, `beta1`
    /// and `beta2` in `[0, 1)`, `weightDecay` finite and >= 0, `epsilon` finite and > 0.
    /// `name` (the network's) prefixes the message, which names the key.
    public func validate(name: String) throws(ConfigurationError) {
      do {
        _ = try resolved()
      } catch {
        throw ConfigurationError("\(name): optimizer.kind: \(error.description)")
      }
      func check(_ key: String, _ value: Float?, _ range: String, _ ok: (Float) -> Bool) throws(ConfigurationError) {
        if let value, !(value.isFinite && ok(value)) {
          throw ConfigurationError("\(name): optimizer.\(key) must be \(range), got \(value)")
        }
      }
      try check("learningRate", learningRate, "a finite number > 0") { $0 > 0 }
      try check("momentum", momentum, "in [0, 1)") { $0 >= 0 && $0 < 1 }
      try check("weightDecay", weightDecay, "a finite number >= 0") { $0 >= 0 }
      try check("beta1", beta1, "in [0, 1)") { $0 >= 0 && $0 < 1 }
      try check("beta2", beta2, "in [0, 1)") { $0 >= 0 && $0 < 1 }
      try check("epsilon", epsilon, "a finite number > 0") { $0 > 0 }
    }
  }

  /// Reads and validates a network file. Every error is a ``ConfigurationError`` that names
  /// the file: missing, a directory, unreadable, not JSON of this shape, an unknown key, or
  /// a value out of range.
  public static func load(path: String) throws(ConfigurationError) -> NetworkSpec {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ConfigurationError("network file not found: \(path)")
    }
    guard !isDirectory.boolValue else { throw ConfigurationError("network file \(path) is a directory, not a JSON file") }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw ConfigurationError("cannot read network file \(path): \(fileErrorReason(error))")
    }
    let spec: NetworkSpec
    do {
      spec = try JSONDecoder().decode(NetworkSpec.self, from: data)
    } catch {
      throw ConfigurationError("invalid network file \(path): \(error)")
    }
    if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
      try checkKeys(object, CodingKeys.self, in: "", path: path)
      if let o = object["optimizer"] as? [String: Any] { try checkKeys(o, OptimizerDescription.CodingKeys.self, in: "optimizer.", path: path) }
      if let o = object["split"] as? [String: Any] { try checkKeys(o, Split.CodingKeys.self, in: "split.", path: path) }
    }
    do {
      try spec.validate()
    } catch {
      throw ConfigurationError("invalid network file \(path): \(error.description)")
    }
    return spec
  }

  /// Throws on the first key of `object` (sorted) that `Keys` does not name.
  private static func checkKeys<Keys: CodingKey & CaseIterable>(
    _ object: [String: Any], _: Keys.Type, in prefix: String, path: String
  ) throws(ConfigurationError) {
    let known = Set(Keys.allCases.map(\.stringValue))
    if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
      throw ConfigurationError(
        "invalid network file \(path): unknown key '\(prefix)\(unknown)' (expected one of "
          + known.sorted().map { prefix + $0 }.joined(separator: ", ") + ")")
    }
  }

  /// The largest width of a layer that a network file (or `bench-backward`) may ask for.
  public static let maximumWidth = 1_000_000
  /// The largest number of floats a network's parameters (weights and biases), or one
  /// batch's activations over all layers, may take.
  public static let maximumFloats = 1 << 31

  /// Checks layer widths `sizes` (input first) before anything is allocated: at least two,
  /// each in `1...maximumWidth`, at most `maximumFloats` parameters, and `batchSize` times
  /// the sum of the widths (one batch's activations) at most `maximumFloats`. `name`
  /// prefixes the message.
  public static func validate(sizes: [Int], batchSize: Int, name: String) throws(ConfigurationError) {
    guard sizes.count >= 2, sizes.allSatisfy({ $0 >= 1 }) else {
      throw ConfigurationError("\(name): sizes must be at least two positive widths, got \(sizes)")
    }
    if let wide = sizes.first(where: { $0 > maximumWidth }) {
      throw ConfigurationError("\(name): a width of \(wide) exceeds the limit of \(maximumWidth) (sizes \(sizes))")
    }
    // Widths are at most 10^6, so each product and these sums fit in Int (64-bit).
    let parameters = zip(sizes, sizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
    guard parameters <= maximumFloats else {
      throw ConfigurationError(
        "\(name): sizes \(sizes) give \(parameters) parameters, more than the limit of \(maximumFloats)")
    }
    guard batchSize >= 1 else { throw ConfigurationError("\(name): batchSize must be >= 1, got \(batchSize)") }
    let (activations, overflow) = batchSize.multipliedReportingOverflow(by: sizes.reduce(0, +))
    guard !overflow, activations <= maximumFloats else {
      throw ConfigurationError(
        "\(name): batch \(batchSize) times the widths \(sizes) is more than \(maximumFloats) activations")
    }
  }

  /// Checks `k` for a sparse backward of hidden layers of widths `widths`: `k` in `1...` the
  /// smallest width (`k` equal to the width is dense backprop exactly; a larger `k` would
  /// silently be dense too). `network` names the network or layer in the message.
  public static func validate(k: Int, widths: [Int], network: String) throws(ConfigurationError) {
    guard let smallest = widths.min() else {
      throw ConfigurationError("\(network) has no hidden layer, so there is nothing for a sparse backward (k) to select")
    }
    guard k >= 1, k <= smallest else {
      throw ConfigurationError("k must be in 1...\(smallest) (the narrowest hidden width of \(network)), got \(k)")
    }
  }

  /// The hidden layer widths (all but the first and last of `sizes`).
  public var hiddenWidths: [Int] { Array(sizes.dropFirst().dropLast()) }

  /// Checks `k` against this network's hidden widths (see ``validate(k:widths:network:)``).
  public func validate(k: Int) throws(ConfigurationError) {
    try Self.validate(k: k, widths: hiddenWidths, network: "\(name) \(sizes)")
  }

  /// Checks a backward mode for this network: the mode's own ranges (``BackwardMode/validate()``)
  /// and, for SBP and MSBP, `k` against the hidden widths.
  public func validate(_ mode: BackwardMode) throws(ConfigurationError) {
    switch mode {
    case .dense: return
    case .sbp(let k, _), .msbp(let k, _, _): try validate(k: k)
    }
    try mode.validate()
  }

  /// The `k` of sparse ratio `r` in `(0, 1]`: `round(r * width)`, at least 1 (so at most the
  /// width); needs hidden layers of one width.
  public func k(ratio r: Double) throws(ConfigurationError) -> Int {
    guard r > 0, r <= 1 else { throw ConfigurationError("the sparse ratio must be in (0, 1], got \(r)") }
    let hidden = hiddenWidths
    guard let width = hidden.first, hidden.allSatisfy({ $0 == width }) else {
      throw ConfigurationError("a sparse ratio needs hidden layers of one width (\(name) has \(hidden)); give k instead")
    }
    return min(width, max(1, Int((r * Double(width)).rounded())))
  }

  /// Checks that `data` (the `part` split) fits the network: as many features as the input
  /// width and as many classes as the output width.
  public func validate(data: Dataset, part: String) throws(ConfigurationError) {
    guard data.features.columns == sizes[0] else {
      throw ConfigurationError(
        "\(name): input width \(sizes[0]) (first entry of sizes) but the \(part) data has \(data.features.columns) features")
    }
    guard data.classes == sizes[sizes.count - 1] else {
      throw ConfigurationError(
        "\(name): output width \(sizes[sizes.count - 1]) (last entry of sizes) but the \(part) data has \(data.classes) classes")
    }
  }

  /// Checks sizes, rates and counts; messages name the key.
  public func validate() throws(ConfigurationError) {
    try Self.validate(sizes: sizes, batchSize: batchSize, name: name)
    guard epochs >= 0 else { throw ConfigurationError("\(name): epochs must be >= 0, got \(epochs)") }
    guard split.train >= 1, split.dev >= 0 else {
      throw ConfigurationError("\(name): split.train must be >= 1 and split.dev >= 0, got \(split.train) and \(split.dev)")
    }
    guard dropout >= 0, dropout < 1 else { throw ConfigurationError("\(name): dropout must be in [0, 1), got \(dropout)") }
    guard ["mnist", "digits"].contains(dataset) else {
      throw ConfigurationError("\(name): unknown dataset '\(dataset)' (expected mnist or digits)")
    }
    if case .leakyReLU(let slope) = try Activation(parsing: activation), !slope.isFinite {
      throw ConfigurationError("\(name): activation '\(activation)': the slope must be a finite number")
    }
    try optimizer.validate(name: name)
    if let k { try validate(k: k) }
    if let gamma, !(gamma >= 0 && gamma < 1) {
      throw ConfigurationError("\(name): gamma must be in [0, 1), got \(gamma)")
    }
  }

  /// A freshly initialised network for this recipe.
  public func makeNetwork(seed: UInt64) throws -> MLP {
    try MLP(sizes: sizes, activation: Activation(parsing: activation), dropout: dropout, loss: loss, seed: seed)
  }
}
