/// A multilayer perceptron: hidden layers `z = dropout(sigma(W x + b))`, then a linear
/// output layer whose nonlinearity belongs to the ``Loss``.
///
/// Hidden layers are propagated with the chosen ``BackwardMode``; the output layer always
/// backpropagates densely (as in the paper's analysis and meProp).
///
/// A training step is three calls, so that gradient estimates can be inspected without
/// disturbing the run (e.g. for gradient estimation angles):
/// 1. ``forward(_:dropout:)`` records a ``Tape`` (inputs, pre-activations, dropout masks);
/// 2. ``backward(_:targets:options:)`` is pure: from the tape and the current memory it
///    returns ``Gradients`` (per-layer estimates and proposed memories), changing nothing.
///    Call it as often as wanted with different options (`.dense` for the true gradient of
///    the minibatch loss, `.sbp`, `.msbp`) on the same tape;
/// 3. ``commitMemory(_:)`` installs the memories of the run's own gradients, and an
///    ``Optimizer`` applies them.
public final class MLP {
  /// The layers, input side first; the last one is the output layer.
  public let layers: [Linear]
  /// The activation of every hidden layer.
  public let activation: Activation
  /// The dropout probability after every hidden activation (0 for none).
  public let dropout: Float
  /// The training loss.
  public let loss: Loss

  /// An MLP over existing layers; checks that consecutive sizes match and `0 <= dropout < 1`.
  public init(layers: [Linear], activation: Activation, dropout: Float = 0, loss: Loss) throws {
    guard !layers.isEmpty else { throw ConfigurationError("an MLP needs at least one layer") }
    for (a, b) in zip(layers, layers.dropFirst()) where a.outputSize != b.inputSize {
      throw ShapeError("MLP: a layer of output size \(a.outputSize) feeds one of input size \(b.inputSize)")
    }
    guard dropout >= 0, dropout < 1 else {
      throw ConfigurationError("dropout must be in [0, 1), got \(dropout)")
    }
    self.layers = layers
    self.activation = activation
    self.dropout = dropout
    self.loss = loss
  }

  /// An MLP with layer widths `sizes` (input first, e.g. `[784, 500, 500, 10]`), initialised
  /// layer by layer from `SeededGenerator(seed: seed, stream: 1)`.
  public convenience init(
    sizes: [Int], activation: Activation, dropout: Float = 0, loss: Loss, seed: UInt64
  ) throws {
    guard sizes.count >= 2 else { throw ConfigurationError("an MLP needs at least two sizes, got \(sizes)") }
    var rng = SeededGenerator(seed: seed, stream: 1)
    var layers = [Linear]()
    for (n, m) in zip(sizes, sizes.dropFirst()) {
      layers.append(try Linear(inputSize: n, outputSize: m, using: &rng))
    }
    try self.init(layers: layers, activation: activation, dropout: dropout, loss: loss)
  }

  /// The widths, input first.
  public var sizes: [Int] { [layers[0].inputSize] + layers.map(\.outputSize) }

  /// What a forward pass records for the backward pass.
  public struct Tape: Sendable {
    /// The input of each layer (`inputs[0]` is the batch; later ones are after dropout).
    public var inputs: [Matrix]
    /// The pre-activation `H` of each layer.
    public var preActivations: [Matrix]
    /// The dropout multipliers of each hidden layer (`0` or `1/(1-p)`), `nil` without dropout.
    public var dropoutMasks: [Matrix?]
    /// The output layer's `H` (the logits).
    public var output: Matrix { preActivations[preActivations.count - 1] }
  }

  /// The forward pass of a batch `[B, n]`. With a generator, dropout is applied (training);
  /// the mask of each hidden layer is drawn row-major, one `nextUnitFloat()` per unit, and a
  /// unit is kept when the draw is `>= p`.
  public func forward(_ x: Matrix, dropout rng: inout SeededGenerator?) throws -> Tape {
    var tape = Tape(inputs: [x], preActivations: [], dropoutMasks: [])
    var current = x
    for (l, layer) in layers.enumerated() {
      let h = try layer.forward(current)
      tape.preActivations.append(h)
      if l == layers.count - 1 { break }
      var z = h
      for i in z.storage.indices { z.storage[i] = activation.apply(z.storage[i]) }
      if dropout > 0, rng != nil {
        var mask = Matrix(rows: z.rows, columns: z.columns)
        let keep = 1 / (1 - dropout)
        for i in mask.storage.indices {
          mask.storage[i] = rng!.nextUnitFloat() >= dropout ? keep : 0
          z.storage[i] *= mask.storage[i]
        }
        tape.dropoutMasks.append(mask)
      } else {
        tape.dropoutMasks.append(nil)
      }
      tape.inputs.append(z)
      current = z
    }
    return tape
  }

  /// The outputs (logits) of a batch without dropout.
  public func predict(_ x: Matrix) throws -> Matrix {
    var none: SeededGenerator? = nil
    return try forward(x, dropout: &none).output
  }

  /// The backward pass: the loss of the tape's output against `targets` and every layer's
  /// gradient estimate under `options`. Pure: reads the layers and their memories, changes
  /// nothing (see ``commitMemory(_:)``).
  ///
  /// Order: `dH_L = dLoss/dOutput` (output layer, always dense); then for each hidden layer
  /// `l` from the top: `dZ_l = dX_{l+1}`, times the dropout mask, `dH_l = dZ_l * sigma'(H_l)`,
  /// then ``Linear/backward(_:input:mode:biasGradient:computeInputGradient:)`` with the
  /// chosen mode. The input gradient of the first layer is not computed.
  public func backward(_ tape: Tape, targets: Matrix, options: BackwardOptions) throws -> Gradients {
    let (value, dOut) = try loss.valueAndGradient(outputs: tape.output, targets: targets)
    var result = [LinearGradient?](repeating: nil, count: layers.count)
    var upstream = dOut
    for l in stride(from: layers.count - 1, through: 0, by: -1) {
      var dh = upstream
      let isOutput = l == layers.count - 1
      if !isOutput {
        if let mask = tape.dropoutMasks[l] {
          for i in dh.storage.indices { dh.storage[i] *= mask.storage[i] }
        }
        let h = tape.preActivations[l]
        for i in dh.storage.indices { dh.storage[i] *= activation.derivative(h.storage[i]) }
      }
      let g = try layers[l].backward(
        dh, input: tape.inputs[l], mode: isOutput ? .dense : options.mode,
        biasGradient: options.biasGradient, computeInputGradient: l > 0)
      if l > 0 { upstream = g.input! }
      result[l] = g
    }
    return Gradients(loss: value, layers: result.map { $0! })
  }

  /// Installs the proposed MSBP memories of `gradients` in every layer.
  public func commitMemory(_ gradients: Gradients) {
    for (layer, g) in zip(layers, gradients.layers) { layer.commitMemory(g) }
  }

  /// The memories of all layers (for a snapshot).
  public var memories: [Matrix?] { layers.map(\.memory) }

  /// Restores memories taken with ``memories``.
  public func restoreMemories(_ snapshot: [Matrix?]) throws {
    guard snapshot.count == layers.count else {
      throw ShapeError("restoreMemories: \(snapshot.count) memories for \(layers.count) layers")
    }
    for (layer, m) in zip(layers, snapshot) { try layer.setMemory(m) }
  }
}

/// The options of a backward pass.
public struct BackwardOptions: Sendable, Equatable {
  /// The backward mode of the hidden layers.
  public var mode: BackwardMode
  /// Where the bias gradient comes from.
  public var biasGradient: BiasGradient
  /// Options with the given mode; the bias gradient defaults to ``BiasGradient/fromEstimate``.
  public init(mode: BackwardMode, biasGradient: BiasGradient = .fromEstimate) {
    self.mode = mode
    self.biasGradient = biasGradient
  }
}

/// The result of ``MLP/backward(_:targets:options:)``.
public struct Gradients: Sendable {
  /// The minibatch loss.
  public var loss: Float
  /// One gradient per layer, input side first.
  public var layers: [LinearGradient]

  /// Gradients from their parts.
  public init(loss: Float, layers: [LinearGradient]) {
    self.loss = loss
    self.layers = layers
  }
}
