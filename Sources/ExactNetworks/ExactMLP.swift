import ExactArithmetic
import SparseNetworks

/// A multilayer perceptron over exact rationals: hidden layers `z = sigma(W x + b)` with a
/// piecewise-linear activation, a linear output layer, squared-error loss. The twin of
/// ``SparseNetworks/MLP`` without dropout.
///
/// The same three-call protocol as the float MLP: ``forward(_:)`` records a ``Tape``;
/// ``backward(_:targets:options:)`` is pure (reads weights and memories, changes nothing),
/// so one state can be asked for its dense gradient and any number of SBP / MSBP estimates;
/// ``commitMemory(_:)`` installs the memories of the run's own estimate, and an update rule
/// (``ExactSGD``) applies it. Hidden layers use the chosen mode; the output layer always
/// backpropagates densely.
public final class ExactMLP {
  /// The layers, input side first; the last one is the output layer.
  public let layers: [ExactLinear]
  /// The activation of every hidden layer.
  public let activation: ExactActivation
  /// The training loss.
  public let loss: ExactLoss

  /// An MLP over existing layers; checks that consecutive sizes match.
  public init(layers: [ExactLinear], activation: ExactActivation, loss: ExactLoss = .squaredError) throws {
    guard !layers.isEmpty else { throw ConfigurationError("an MLP needs at least one layer") }
    for (a, b) in zip(layers, layers.dropFirst()) where a.outputSize != b.inputSize {
      throw ShapeError("ExactMLP: a layer of output size \(a.outputSize) feeds one of input size \(b.inputSize)")
    }
    self.layers = layers
    self.activation = activation
    self.loss = loss
  }

  /// The exact twin of a float MLP: every weight, bias and memory converted exactly, the
  /// activation and loss by their twins. Throws for dropout (the twin is deterministic and
  /// has none), tanh, softmax cross-entropy, or a non-finite parameter.
  public convenience init(exactly network: MLP) throws {
    guard network.dropout == 0 else {
      throw ConfigurationError("the exact twin has no dropout; the float MLP has dropout \(network.dropout)")
    }
    try self.init(
      layers: network.layers.enumerated().map { l, layer in try ExactLinear(exactly: layer, name: "layer \(l)") },
      activation: ExactActivation(network.activation), loss: ExactLoss(network.loss))
  }

  /// A deep copy (weights, biases and memories), e.g. to branch a trajectory.
  public func copy() -> ExactMLP {
    try! ExactMLP(layers: layers.map { $0.copy() }, activation: activation, loss: loss)
  }

  /// The widths, input first.
  public var sizes: [Int] { [layers[0].inputSize] + layers.map(\.outputSize) }

  /// The number of parameters (weights and biases of every layer).
  public var parameterCount: Int { layers.reduce(0) { $0 + $1.outputSize * ($1.inputSize + 1) } }

  /// What a forward pass records for the backward pass.
  public struct Tape: Sendable {
    /// The input of each layer (`inputs[0]` is the batch).
    public var inputs: [ExactMatrix]
    /// The pre-activation `H` of each layer.
    public var preActivations: [ExactMatrix]
    /// The output layer's `H`.
    public var output: ExactMatrix { preActivations[preActivations.count - 1] }
  }

  /// The forward pass of a batch `[B, n]`.
  public func forward(_ x: ExactMatrix) throws -> Tape {
    var tape = Tape(inputs: [x], preActivations: [])
    var current = x
    for (l, layer) in layers.enumerated() {
      let h = try layer.forward(current)
      tape.preActivations.append(h)
      if l == layers.count - 1 { break }
      var z = h
      for i in z.storage.indices { z.storage[i] = activation.apply(z.storage[i]) }
      tape.inputs.append(z)
      current = z
    }
    return tape
  }

  /// The backward pass: the loss of the tape's output against `targets` and every layer's
  /// exact gradient estimate under `options`. Pure.
  ///
  /// Order as in the float MLP: `dH_L = dLoss/dOutput` (output layer, dense); for each hidden
  /// layer `l` from the top, `dH_l = dX_{l+1} * sigma'(H_l)`, then the layer's backward.
  public func backward(_ tape: Tape, targets: ExactMatrix, options: ExactBackwardOptions) throws -> ExactGradients {
    guard tape.preActivations.count == layers.count, tape.inputs.count == layers.count else {
      throw ShapeError("ExactMLP.backward: the tape has \(tape.preActivations.count) layers, the network \(layers.count)")
    }
    let (value, dOut) = try loss.valueAndGradient(outputs: tape.output, targets: targets)
    var result = [ExactLinearGradient?](repeating: nil, count: layers.count)
    var upstream = dOut
    for l in stride(from: layers.count - 1, through: 0, by: -1) {
      var dh = upstream
      let isOutput = l == layers.count - 1
      if !isOutput {
        let h = tape.preActivations[l]
        for i in dh.storage.indices { dh.storage[i] *= activation.derivative(h.storage[i]) }
      }
      let g = try layers[l].backward(
        dh, input: tape.inputs[l], mode: isOutput ? .dense : options.mode,
        biasGradient: options.biasGradient, computeInputGradient: l > 0)
      if l > 0 { upstream = g.input! }
      result[l] = g
    }
    return ExactGradients(loss: value, layers: result.map { $0! })
  }

  /// The loss of a batch (forward only).
  public func evaluateLoss(_ x: ExactMatrix, targets: ExactMatrix) throws -> Rational {
    try loss.valueAndGradient(outputs: forward(x).output, targets: targets).value
  }

  /// Installs the proposed MSBP memories of `gradients` in every layer.
  public func commitMemory(_ gradients: ExactGradients) {
    for (layer, g) in zip(layers, gradients.layers) { layer.commitMemory(g) }
  }

  /// The memories of all layers (for a snapshot).
  public var memories: [ExactMatrix?] { layers.map(\.memory) }

  /// Restores memories taken with ``memories``.
  public func restoreMemories(_ snapshot: [ExactMatrix?]) throws {
    guard snapshot.count == layers.count else {
      throw ShapeError("restoreMemories: \(snapshot.count) memories for \(layers.count) layers")
    }
    for (layer, m) in zip(layers, snapshot) { try layer.setMemory(m) }
  }

  /// All parameters flattened, layer by layer: `W` row-major, then `b` (the order of
  /// ``ExactGradients/flattened``).
  public var flattenedParameters: [Rational] { layers.flatMap { $0.weight.storage + $0.bias } }

  /// A copy whose parameters are `parameters` (in the order of ``flattenedParameters``),
  /// memories kept: e.g. the state `w + eps d` of a finite-difference check, or the
  /// state after an update computed elsewhere. Throws unless there are ``parameterCount``.
  public func withParameters(_ parameters: [Rational]) throws(ShapeError) -> ExactMLP {
    guard parameters.count == parameterCount else {
      throw ShapeError("ExactMLP.withParameters: \(parameters.count) parameters for a network of \(parameterCount)")
    }
    var offset = 0
    var newLayers = [ExactLinear]()
    for layer in layers {
      let weightCount = layer.outputSize * layer.inputSize
      let w = try ExactMatrix(
        rows: layer.outputSize, columns: layer.inputSize,
        storage: Array(parameters[offset..<(offset + weightCount)]))
      offset += weightCount
      let copy = try ExactLinear(weight: w, bias: Array(parameters[offset..<(offset + layer.outputSize)]))
      offset += layer.outputSize
      try copy.setMemory(layer.memory)
      newLayers.append(copy)
    }
    return try! ExactMLP(layers: newLayers, activation: activation, loss: loss)
  }
}

/// The result of ``ExactMLP/backward(_:targets:options:)``.
public struct ExactGradients: Sendable {
  /// The minibatch loss.
  public var loss: Rational
  /// One gradient per layer, input side first.
  public var layers: [ExactLinearGradient]

  /// Gradients from their parts.
  public init(loss: Rational, layers: [ExactLinearGradient]) {
    self.loss = loss
    self.layers = layers
  }

  /// Each layer's parameter gradient flattened (`dW` row-major, then `db`).
  public var perLayer: [[Rational]] { layers.map(\.flattened) }

  /// The whole parameter gradient flattened, layer by layer (the order of
  /// ``ExactMLP/flattenedParameters``).
  public var flattened: [Rational] { layers.flatMap(\.flattened) }
}
