import ExactArithmetic
import SparseNetworks

/// A minibatch of exact inputs `[B, n]` and targets `[B, c]`.
public struct ExactBatch: Sendable, Equatable {
  /// The inputs, one example per row.
  public var inputs: ExactMatrix
  /// The targets, one example per row.
  public var targets: ExactMatrix

  /// A batch; throws unless inputs and targets have the same (positive) number of rows.
  public init(inputs: ExactMatrix, targets: ExactMatrix) throws(ShapeError) {
    guard inputs.rows == targets.rows, inputs.rows > 0 else {
      throw ShapeError("ExactBatch: \(inputs.rows) input rows and \(targets.rows) target rows")
    }
    self.inputs = inputs
    self.targets = targets
  }

  /// The exact value of a float batch; throws on a shape mismatch or a non-finite entry.
  public init(exactly inputs: Matrix, targets: Matrix) throws {
    try self.init(
      inputs: ExactMatrix(exactly: inputs, name: "inputs"),
      targets: ExactMatrix(exactly: targets, name: "targets"))
  }
}

/// The dense gradient of one state and batch, beside the estimates of sparse modes.
public struct GradientEstimates: Sendable {
  /// The minibatch loss at the state.
  public var loss: Rational
  /// The true gradient of the minibatch loss (every layer dense).
  public var dense: ExactGradients
  /// One estimate per requested mode, in the order requested (memories proposed, not
  /// committed).
  public var estimates: [ExactGradients]
}

extension ExactMLP {
  /// From the current state (weights and memories) and `batch`: the dense gradient and the
  /// estimated gradient of each of `modes`, without changing anything (no memory committed).
  ///
  /// Flattened vectors for angles: ``ExactGradients/flattened`` (whole network) and
  /// ``ExactGradients/perLayer``; both list `W` row-major, then `b`, layer by layer.
  public func gradientEstimates(
    _ batch: ExactBatch, modes: [ExactBackwardMode], biasGradient: BiasGradient = .fromEstimate
  ) throws -> GradientEstimates {
    let tape = try forward(batch.inputs)
    let dense = try backward(tape, targets: batch.targets, options: ExactBackwardOptions(mode: .dense))
    let estimates = try modes.map { mode in
      try backward(tape, targets: batch.targets, options: ExactBackwardOptions(mode: mode, biasGradient: biasGradient))
    }
    return GradientEstimates(loss: dense.loss, dense: dense, estimates: estimates)
  }

  /// Trains on `batches` in order with `options` (e.g. MSBP, memory carried from step to
  /// step) and plain SGD, and reports each step to `observe` *before* the update: the
  /// state's dense gradient beside the estimate the step applies.
  ///
  /// Each step: forward; dense backward; the run's own backward (the dense one again when
  /// the mode is dense); `observe`; commit the run's memories; `sgd` step with the run's
  /// estimate. The network is changed in place (use ``copy()`` to keep the start).
  public func train(
    _ batches: [ExactBatch], options: ExactBackwardOptions, sgd: ExactSGD,
    observe: (ExactTrainingStep) throws -> Void = { _ in }
  ) throws {
    for (t, batch) in batches.enumerated() {
      let tape = try forward(batch.inputs)
      let dense = try backward(tape, targets: batch.targets, options: ExactBackwardOptions(mode: .dense))
      let estimate = options.mode == .dense && options.biasGradient == .fromEstimate
        ? dense : try backward(tape, targets: batch.targets, options: options)
      try observe(ExactTrainingStep(index: t, loss: dense.loss, dense: dense, estimate: estimate))
      commitMemory(estimate)
      try sgd.step(self, estimate)
    }
  }
}

/// One step of ``ExactMLP/train(_:options:sgd:observe:)``, before its update.
public struct ExactTrainingStep: Sendable {
  /// The step number, from 0.
  public var index: Int
  /// The minibatch loss before the update.
  public var loss: Rational
  /// The true gradient of the minibatch loss at the state.
  public var dense: ExactGradients
  /// The estimate the step applies (its proposed memories are committed after `observe`).
  public var estimate: ExactGradients
}

/// The gradient estimation angle (the paper's `delta(w)`, between an estimated gradient and
/// the true gradient) of one estimate, exact: for the whole parameter vector and per layer.
public struct EstimationAngle: Sendable {
  /// The angle between the whole flattened estimate and the whole dense gradient; `nil`
  /// when either is the zero vector (the angle is undefined).
  public var whole: Angle?
  /// The same per layer (`W` and `b` of the layer together).
  public var perLayer: [Angle?]

  /// The angles between `estimate` and `dense` (same network).
  public init(estimate: ExactGradients, dense: ExactGradients) {
    whole = try? Angle(between: estimate.flattened, and: dense.flattened)
    perLayer = zip(estimate.perLayer, dense.perLayer).map { try? Angle(between: $0, and: $1) }
  }
}

extension GradientEstimates {
  /// The estimation angle of each estimate, in the order of ``estimates``.
  public var angles: [EstimationAngle] { estimates.map { EstimationAngle(estimate: $0, dense: dense) } }
}

extension ExactTrainingStep {
  /// The estimation angle of the step's estimate.
  public var angle: EstimationAngle { EstimationAngle(estimate: estimate, dense: dense) }
}
