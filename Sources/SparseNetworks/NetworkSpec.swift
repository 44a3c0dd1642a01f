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
  /// The default `k` for SBP/MSBP (per hidden layer, clipped to its width).
  public var k: Int?
  /// The default memory ratio for MSBP.
  public var gamma: Float?
  /// The default selection.
  public var selection: Selection?

  /// Train/dev sizes: the first `train` examples of the task's training data train, the
  /// next `dev` examples are the development set.
  public struct Split: Codable, Sendable, Equatable {
    /// Training examples.
    public var train: Int
    /// Development examples.
    public var dev: Int
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
  }

  /// Reads and validates a network file.
  public static func load(path: String) throws -> NetworkSpec {
    guard FileManager.default.fileExists(atPath: path) else { throw DataError.missingFile(path: path) }
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let spec: NetworkSpec
    do {
      spec = try JSONDecoder().decode(NetworkSpec.self, from: data)
    } catch {
      throw ConfigurationError("invalid network file \(path): \(error)")
    }
    try spec.validate()
    return spec
  }

  /// Checks sizes, rates and counts.
  public func validate() throws(ConfigurationError) {
    guard sizes.count >= 2, sizes.allSatisfy({ $0 >= 1 }) else {
      throw ConfigurationError("\(name): sizes must be at least two positive widths, got \(sizes)")
    }
    guard batchSize >= 1 else { throw ConfigurationError("\(name): batchSize must be >= 1") }
    guard epochs >= 0 else { throw ConfigurationError("\(name): epochs must be >= 0") }
    guard split.train >= 1, split.dev >= 0 else { throw ConfigurationError("\(name): bad split") }
    guard dropout >= 0, dropout < 1 else { throw ConfigurationError("\(name): dropout must be in [0, 1)") }
    guard ["mnist", "digits"].contains(dataset) else {
      throw ConfigurationError("\(name): unknown dataset '\(dataset)' (expected mnist or digits)")
    }
    _ = try Activation(parsing: activation)
    _ = try optimizer.resolved()
  }

  /// A freshly initialised network for this recipe.
  public func makeNetwork(seed: UInt64) throws -> MLP {
    try MLP(sizes: sizes, activation: Activation(parsing: activation), dropout: dropout, loss: loss, seed: seed)
  }
}
