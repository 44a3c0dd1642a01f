import ExactArithmetic
import SparseNetworks

/// A pointwise activation with rational values: the piecewise-linear members of
/// ``SparseNetworks/Activation`` (whose `tanh` has irrational values and has no twin).
///
/// Derivatives follow the float code exactly, kinks included: at `h = 0` ReLU's
/// derivative is `0` and leaky ReLU's is `slope`, i.e. the branch `h > 0` is the only one
/// with derivative 1.
public enum ExactActivation: Sendable, Equatable {
  /// `max(0, h)`.
  case relu
  /// `h` for `h > 0`, `slope * h` otherwise.
  case leakyReLU(slope: Rational)
  /// `h` (the output layer).
  case identity

  /// `sigma(h)`.
  public func apply(_ h: Rational) -> Rational {
    switch self {
    case .relu: h.signum > 0 ? h : .zero
    case .leakyReLU(let s): h.signum > 0 ? h : s * h
    case .identity: h
    }
  }

  /// `sigma'(h)`.
  public func derivative(_ h: Rational) -> Rational {
    switch self {
    case .relu: h.signum > 0 ? .one : .zero
    case .leakyReLU(let s): h.signum > 0 ? .one : s
    case .identity: .one
    }
  }

  /// The exact twin of a float activation: a leaky ReLU's float slope is converted exactly
  /// (so `leakyReLU(slope: 0.125)` becomes `1/8`). Throws for `tanh`, which has no
  /// rational twin, and for a non-finite slope.
  public init(_ activation: Activation) throws(ConfigurationError) {
    switch activation {
    case .relu: self = .relu
    case .identity: self = .identity
    case .leakyReLU(let s):
      self = .leakyReLU(slope: try exactRationals([s], name: "leaky ReLU slope")[0])
    case .tanh:
      throw ConfigurationError("activation tanh has irrational values: the exact twin supports relu, leaky-relu and identity")
    }
  }
}
