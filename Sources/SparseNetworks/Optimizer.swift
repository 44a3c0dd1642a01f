/// An update rule applied to an ``MLP`` with the gradient estimates of a step.
public protocol Optimizer: AnyObject {
  /// Updates every layer's weights and bias from `gradients` (one per layer).
  func step(_ network: MLP, _ gradients: Gradients)
}

/// The optimizer settings of a network description.
public enum OptimizerSpec: Sendable, Equatable {
  /// Adam (Kingma and Ba) with optional L2 weight decay added to the gradient.
  case adam(learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0)
  /// SGD with (heavy-ball) momentum and L2 weight decay added to the gradient.
  case sgd(learningRate: Float, momentum: Float = 0, weightDecay: Float = 0)

  /// A fresh optimizer with zero state.
  public func make() -> any Optimizer {
    switch self {
    case .adam(let lr, let b1, let b2, let eps, let wd):
      Adam(learningRate: lr, beta1: b1, beta2: b2, epsilon: eps, weightDecay: wd)
    case .sgd(let lr, let mu, let wd):
      SGDMomentum(learningRate: lr, momentum: mu, weightDecay: wd)
    }
  }
}

/// The parameters of a network as flat tensors: layer `l` contributes its weights (index
/// `2l`) and its bias (index `2l+1`).
private func forEachParameter(
  _ network: MLP, _ gradients: Gradients,
  _ body: (_ index: Int, _ parameter: inout [Float], _ gradient: [Float]) -> Void
) {
  precondition(gradients.layers.count == network.layers.count, "one gradient per layer expected")
  for (l, layer) in network.layers.enumerated() {
    body(2 * l, &layer.weight.storage, gradients.layers[l].weight.storage)
    body(2 * l + 1, &layer.bias, gradients.layers[l].bias)
  }
}

/// Adam: `m = b1 m + (1-b1) d`, `v = b2 v + (1-b2) d^2`,
/// `w -= lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)`, with `d = grad + wd w`.
public final class Adam: Optimizer {
  /// The step size.
  public let learningRate: Float
  /// The first-moment decay.
  public let beta1: Float
  /// The second-moment decay.
  public let beta2: Float
  /// The denominator guard.
  public let epsilon: Float
  /// The L2 weight decay.
  public let weightDecay: Float
  private var t = 0
  private var first: [[Float]] = []
  private var second: [[Float]] = []

  /// Adam with the given settings and zero state.
  public init(learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
  }

  /// One Adam step on every parameter.
  public func step(_ network: MLP, _ gradients: Gradients) {
    t += 1
    let c1 = 1 - pow(beta1, t)
    let c2 = 1 - pow(beta2, t)
    let (b1, b2, eps, lr, wd) = (beta1, beta2, epsilon, learningRate, weightDecay)
    forEachParameter(network, gradients) { index, w, g in
      if first.count <= index {
        first.append([Float](repeating: 0, count: w.count))
        second.append([Float](repeating: 0, count: w.count))
      }
      first[index].withUnsafeMutableBufferPointer { m in
        second[index].withUnsafeMutableBufferPointer { v in
          w.withUnsafeMutableBufferPointer { w in
            g.withUnsafeBufferPointer { g in
              adamKernel(
                count: w.count, w: w.baseAddress!, g: g.baseAddress!, m: m.baseAddress!, v: v.baseAddress!,
                b1: b1, b2: b2, eps: eps, lr: lr, wd: wd, c1: c1, c2: c2)
            }
          }
        }
      }
    }
  }
}

/// The elementwise Adam update over raw pointers (the parameter arrays never alias),
/// eight lanes at a time with SIMD types, then a scalar tail; both compute the same
/// expression in the same order.
@inline(never)
private func adamKernel(
  count: Int, w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>,
  m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
  b1: Float, b2: Float, eps: Float, lr: Float, wd: Float, c1: Float, c2: Float
) {
  typealias V8 = SIMD8<Float>
  let lanes = count / 8 * 8
  var i = 0
  while i < lanes {
    let wi = UnsafeRawPointer(w + i).loadUnaligned(as: V8.self)
    let gi = UnsafeRawPointer(g + i).loadUnaligned(as: V8.self)
    let d = gi + wd * wi
    let mi = b1 * UnsafeRawPointer(m + i).loadUnaligned(as: V8.self) + (1 - b1) * d
    let vi = b2 * UnsafeRawPointer(v + i).loadUnaligned(as: V8.self) + (1 - b2) * d * d
    UnsafeMutableRawPointer(m + i).storeBytes(of: mi, as: V8.self)
    UnsafeMutableRawPointer(v + i).storeBytes(of: vi, as: V8.self)
    let step = lr * (mi / c1) / ((vi / c2).squareRoot() + eps)
    UnsafeMutableRawPointer(w + i).storeBytes(of: wi - step, as: V8.self)
    i += 8
  }
  while i < count {
    let d = g[i] + wd * w[i]
    let mi = b1 * m[i] + (1 - b1) * d
    let vi = b2 * v[i] + (1 - b2) * d * d
    m[i] = mi
    v[i] = vi
    w[i] -= lr * (mi / c1) / ((vi / c2).squareRoot() + eps)
    i += 1
  }
}

/// SGD with momentum: `u = mu u + (grad + wd w)`, `w -= lr u`.
public final class SGDMomentum: Optimizer {
  /// The step size.
  public let learningRate: Float
  /// The momentum coefficient `mu` (0 for plain SGD).
  public let momentum: Float
  /// The L2 weight decay.
  public let weightDecay: Float
  private var velocity: [[Float]] = []

  /// SGD with the given settings and zero velocity.
  public init(learningRate: Float, momentum: Float = 0, weightDecay: Float = 0) {
    self.learningRate = learningRate
    self.momentum = momentum
    self.weightDecay = weightDecay
  }

  /// One SGD step on every parameter.
  public func step(_ network: MLP, _ gradients: Gradients) {
    let (mu, lr, wd) = (momentum, learningRate, weightDecay)
    forEachParameter(network, gradients) { index, w, g in
      if velocity.count <= index { velocity.append([Float](repeating: 0, count: w.count)) }
      velocity[index].withUnsafeMutableBufferPointer { u in
        w.withUnsafeMutableBufferPointer { w in
          g.withUnsafeBufferPointer { g in
            for i in 0..<w.count {
              u[i] = mu * u[i] + (g[i] + wd * w[i])
              w[i] -= lr * u[i]
            }
          }
        }
      }
    }
  }
}

/// `base^exponent` for a non-negative integer exponent, by repeated squaring.
private func pow(_ base: Float, _ exponent: Int) -> Float {
  var result: Float = 1
  var b = base
  var e = exponent
  while e > 0 {
    if e & 1 == 1 { result *= b }
    b *= b
    e >>= 1
  }
  return result
}
