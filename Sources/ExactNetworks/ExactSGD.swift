import ExactArithmetic
import SparseNetworks

/// Plain SGD with a rational learning rate, `w <- w - eta g`: the twin of
/// ``SparseNetworks/SGDMomentum`` with momentum 0 and no weight decay (which computes
/// `u = 0 u + (g + 0 w) = g`, then `w -= eta u`).
public struct ExactSGD: Sendable, Equatable {
  /// The step size `eta`.
  public let learningRate: Rational

  /// SGD with step size `learningRate`; throws unless it is positive.
  public init(learningRate: Rational) throws(ConfigurationError) {
    guard learningRate.signum > 0 else {
      throw ConfigurationError("learning rate must be positive, got \(learningRate)")
    }
    self.learningRate = learningRate
  }

  /// One step on every layer's weights and bias with `gradients` (one per layer).
  public func step(_ network: ExactMLP, _ gradients: ExactGradients) throws(ShapeError) {
    guard gradients.layers.count == network.layers.count else {
      throw ShapeError("ExactSGD.step: \(gradients.layers.count) gradients for \(network.layers.count) layers")
    }
    for (layer, g) in zip(network.layers, gradients.layers) {
      guard g.weight.rows == layer.outputSize, g.weight.columns == layer.inputSize, g.bias.count == layer.outputSize else {
        throw ShapeError("ExactSGD.step: a gradient of shape [\(g.weight.rows), \(g.weight.columns)] for a layer \(layer.inputSize) -> \(layer.outputSize)")
      }
      for i in layer.weight.storage.indices { layer.weight.storage[i] -= learningRate * g.weight.storage[i] }
      for j in layer.bias.indices { layer.bias[j] -= learningRate * g.bias[j] }
    }
  }
}
