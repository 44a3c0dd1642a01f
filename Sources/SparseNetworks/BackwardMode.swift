/// How a sparse backward chooses the propagated entries of `dl/dh` for a minibatch.
public enum Selection: String, Sendable, Codable, CaseIterable {
  /// Each example (row of the batch) keeps its own `k` entries: Algorithms 1-2 applied
  /// row by row. The default.
  case perExample = "per-example"
  /// meProp's unified top-k: one set of `k` units for the whole batch, chosen by the
  /// column sums of magnitudes.
  case unified
}

/// The backward pass of a hidden linear layer.
public enum BackwardMode: Sendable, Equatable, CustomStringConvertible {
  /// Ordinary backpropagation: `g = dl/dh`.
  case dense
  /// Sparse backpropagation, the paper's Algorithm 1: `g = top_k(dl/dh)`.
  case sbp(k: Int, selection: Selection = .perExample)
  /// Memorized sparse backpropagation, the paper's Algorithm 2:
  /// `g = top_k(dl/dh + m)`, `m <- gamma (dl/dh + m - g)`.
  case msbp(k: Int, gamma: Float, selection: Selection = .perExample)

  /// A short name: `dense`, `sbp` or `msbp`.
  public var name: String {
    switch self {
    case .dense: "dense"
    case .sbp: "sbp"
    case .msbp: "msbp"
    }
  }

  /// A readable description with the parameters, e.g. `msbp(k=20, gamma=0.8, per-example)`.
  public var description: String {
    switch self {
    case .dense: "dense"
    case .sbp(let k, let s): "sbp(k=\(k), \(s.rawValue))"
    case .msbp(let k, let g, let s): "msbp(k=\(k), gamma=\(g), \(s.rawValue))"
    }
  }
}

/// Where the bias gradient of a sparsely propagated layer comes from.
public enum BiasGradient: String, Sendable, Codable, CaseIterable {
  /// `db = sum_b g_b`: the bias is a weight on a constant input 1, so it follows the same
  /// estimated gradient `g` as `W` (the paper's framework). The default.
  case fromEstimate = "from-g"
  /// `db = sum_b (dl/dh)_b`: the dense bias gradient, as meProp's code computes it.
  case dense
}

/// An invalid training or layer option (a `k` out of range, a memory ratio outside
/// `[0, 1)`, a batch that does not match a layer, ...).
public struct ConfigurationError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What is wrong, naming the offending option.
  public let description: String
  /// An error with the given message.
  public init(_ description: String) { self.description = description }
}

extension BackwardMode {
  /// Checks `k >= 1` and `0 <= gamma < 1` (the paper takes `gamma` in `(0, 1)`; `0` is
  /// allowed and gives SBP exactly).
  public func validate() throws(ConfigurationError) {
    switch self {
    case .dense: return
    case .sbp(let k, _):
      guard k >= 1 else { throw ConfigurationError("k must be at least 1, got \(k)") }
    case .msbp(let k, let gamma, _):
      guard k >= 1 else { throw ConfigurationError("k must be at least 1, got \(k)") }
      guard gamma >= 0, gamma < 1 else {
        throw ConfigurationError("gamma (memory ratio) must be in [0, 1), got \(gamma)")
      }
    }
  }
}
