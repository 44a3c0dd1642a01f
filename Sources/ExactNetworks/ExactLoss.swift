import ExactArithmetic
import SparseNetworks

/// A training loss with rational values, averaged over the batch: the rational member of
/// ``SparseNetworks/Loss`` (softmax cross-entropy has transcendental values and no twin).
public enum ExactLoss: Sendable, Equatable {
  /// `L = (1/B) sum_b (1/2) ||o_b - t_b||^2`. Gradient `(o - t) / B`.
  case squaredError

  /// The exact twin of a float loss; throws for softmax cross-entropy.
  public init(_ loss: Loss) throws(ConfigurationError) {
    switch loss {
    case .squaredError: self = .squaredError
    case .softmaxCrossEntropy:
      throw ConfigurationError("loss softmax-cross-entropy has transcendental values: the exact twin supports squared-error")
    }
  }

  /// The loss of `outputs` against `targets` (both `[B, c]`, `B >= 1`) and its exact gradient
  /// with respect to `outputs`.
  public func valueAndGradient(outputs o: ExactMatrix, targets t: ExactMatrix) throws(ShapeError) -> (
    value: Rational, gradient: ExactMatrix
  ) {
    guard o.rows == t.rows, o.columns == t.columns, o.rows > 0 else {
      throw ShapeError("ExactLoss: outputs are [\(o.rows), \(o.columns)], targets [\(t.rows), \(t.columns)]")
    }
    let scale = Rational(1, o.rows)
    var gradient = ExactMatrix(rows: o.rows, columns: o.columns)
    var total = Rational.zero
    for i in o.storage.indices {
      let d = o.storage[i] - t.storage[i]
      total += d * d
      gradient.storage[i] = d * scale
    }
    return (total * scale * Rational(1, 2), gradient)
  }
}
