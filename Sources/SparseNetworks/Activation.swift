import Foundation

/// A pointwise activation `z = sigma(h)` of a hidden layer.
public enum Activation: Sendable, Equatable {
  /// `max(0, h)`; derivative 1 for `h > 0`, else 0 (0 at `h = 0`).
  case relu
  /// `h` for `h > 0`, `slope * h` otherwise; derivative 1 or `slope` (`slope` at `h = 0`).
  case leakyReLU(slope: Float)
  /// `tanh(h)`; derivative `1 - tanh(h)^2`.
  case tanh
  /// `h` (used for the output layer, whose nonlinearity belongs to the loss).
  case identity

  /// `sigma(h)`.
  public func apply(_ h: Float) -> Float {
    switch self {
    case .relu: h > 0 ? h : 0
    case .leakyReLU(let s): h > 0 ? h : s * h
    case .tanh: Foundation.tanh(h)
    case .identity: h
    }
  }

  /// `sigma'(h)`.
  public func derivative(_ h: Float) -> Float {
    switch self {
    case .relu: h > 0 ? 1 : 0
    case .leakyReLU(let s): h > 0 ? 1 : s
    case .tanh: 1 - Foundation.tanh(h) * Foundation.tanh(h)
    case .identity: 1
    }
  }

  /// Parses `relu`, `tanh`, `identity`, `leaky-relu` (slope 0.01) or `leaky-relu:SLOPE`.
  public init(parsing text: String) throws(ConfigurationError) {
    switch text {
    case "relu": self = .relu
    case "tanh": self = .tanh
    case "identity": self = .identity
    case "leaky-relu": self = .leakyReLU(slope: 0.01)
    default:
      if text.hasPrefix("leaky-relu:"), let s = Float(text.dropFirst("leaky-relu:".count)) {
        self = .leakyReLU(slope: s)
      } else {
        throw ConfigurationError(
          "unknown activation '\(text)' (expected relu, tanh, identity, leaky-relu or leaky-relu:SLOPE)")
      }
    }
  }
}

