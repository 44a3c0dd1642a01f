import ExactArithmetic
import SparseNetworks

/// The backward pass of a hidden exact layer: the twin of ``SparseNetworks/BackwardMode``
/// with a rational memory ratio `gamma`.
///
/// The selection rule (``SparseNetworks/Selection``) and the tie-breaking rule are the float
/// code's own: the twin ranks with ``SparseNetworks/TopK/select(count:k:key:)`` itself.
public enum ExactBackwardMode: Sendable, Equatable, CustomStringConvertible {
  /// Ordinary backpropagation: `g = dl/dh`.
  case dense
  /// Sparse backpropagation (Algorithm 1): `g = top_k(dl/dh)`.
  case sbp(k: Int, selection: Selection = .perExample)
  /// Memorized sparse backpropagation (Algorithm 2): `g = top_k(dl/dh + m)`,
  /// `m <- gamma (dl/dh + m - g)`.
  case msbp(k: Int, gamma: Rational, selection: Selection = .perExample)

  /// The exact twin of a float mode; a float `gamma` is converted exactly (`0.75` becomes
  /// `3/4`; `0.8` becomes `13421773/16777216`, the float nearest 4/5).
  public init(_ mode: BackwardMode) throws(ConfigurationError) {
    switch mode {
    case .dense: self = .dense
    case .sbp(let k, let s): self = .sbp(k: k, selection: s)
    case .msbp(let k, let g, let s):
      self = .msbp(k: k, gamma: try exactRationals([g], name: "gamma")[0], selection: s)
    }
  }

  /// A readable description, e.g. `msbp(k=2, gamma=3/4, per-example)`.
  public var description: String {
    switch self {
    case .dense: "dense"
    case .sbp(let k, let s): "sbp(k=\(k), \(s.rawValue))"
    case .msbp(let k, let g, let s): "msbp(k=\(k), gamma=\(g), \(s.rawValue))"
    }
  }

  /// Checks `k >= 1` and `0 <= gamma < 1`, as the float code does.
  public func validate() throws(ConfigurationError) {
    switch self {
    case .dense: return
    case .sbp(let k, _):
      guard k >= 1 else { throw ConfigurationError("k must be at least 1, got \(k)") }
    case .msbp(let k, let gamma, _):
      guard k >= 1 else { throw ConfigurationError("k must be at least 1, got \(k)") }
      guard gamma.signum >= 0, gamma < .one else {
        throw ConfigurationError("gamma (memory ratio) must be in [0, 1), got \(gamma)")
      }
    }
  }
}

/// The options of an exact backward pass: the twin of ``SparseNetworks/BackwardOptions``.
public struct ExactBackwardOptions: Sendable, Equatable {
  /// The backward mode of the hidden layers.
  public var mode: ExactBackwardMode
  /// Where the bias gradient comes from.
  public var biasGradient: BiasGradient

  /// Options with the given mode; the bias gradient defaults to ``SparseNetworks/BiasGradient/fromEstimate``.
  public init(mode: ExactBackwardMode, biasGradient: BiasGradient = .fromEstimate) {
    self.mode = mode
    self.biasGradient = biasGradient
  }

  /// The exact twin of float options (see ``ExactBackwardMode/init(_:)``).
  public init(_ options: BackwardOptions) throws(ConfigurationError) {
    self.init(mode: try ExactBackwardMode(options.mode), biasGradient: options.biasGradient)
  }
}
