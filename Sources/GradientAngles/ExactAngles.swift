import ExactArithmetic
import ExactNetworks
import SparseNetworks

/// Exact gradient estimation angles of the rational twin (``ExactNetworks``), per layer and
/// for the whole parameter vector, as ``ExactArithmetic/Angle`` values: comparisons between
/// them are decided on rationals, with no rounding and no tolerance.
public struct ExactParameterAngles: Sendable, Equatable {
  /// One angle per layer (weights then bias), input side first; `nil` where a gradient is zero.
  public var layers: [Angle?]
  /// The angle of the whole parameter vector; `nil` if a gradient is zero.
  public var whole: Angle?

  /// The angles between `estimate` and `truth`.
  public init(estimate: ExactGradients, truth: ExactGradients) throws {
    guard estimate.layers.count == truth.layers.count else {
      throw ShapeError("ExactParameterAngles: \(estimate.layers.count) estimated layers, \(truth.layers.count) true layers")
    }
    layers = try zip(estimate.perLayer, truth.perLayer).map { try Self.angle($0, $1) }
    whole = try Self.angle(estimate.flattened, truth.flattened)
  }

  /// The angle of `part` (`nil` when undefined or out of range).
  public subscript(part: ParameterPart) -> Angle? {
    switch part {
    case .whole: whole
    case .layer(let l): l >= 1 && l <= layers.count ? layers[l - 1] : nil
    }
  }

  /// `nil` for a zero vector (no direction), else the exact angle.
  static func angle(_ a: [Rational], _ b: [Rational]) throws -> Angle? {
    guard a.count == b.count else { throw ShapeError("ExactParameterAngles: vectors of lengths \(a.count) and \(b.count)") }
    guard a.contains(where: { !$0.isZero }), b.contains(where: { !$0.isZero }) else { return nil }
    return try Angle(between: a, and: b)
  }
}

/// The exact angles of one step of an exact run, before its update.
public struct ExactStepAngles: Sendable {
  /// The step, from 0.
  public var step: Int
  /// The run's own estimate against the dense minibatch gradient (run-time angle).
  public var run: ExactParameterAngles
  /// `top_k(dl/dh)` from the same state (paired).
  public var sbp: ExactParameterAngles
  /// `top_k(dl/dh + m)` with the memory carried along the run (paired; along an MSBP run
  /// this is the run's own estimate).
  public var msbp: ExactParameterAngles
}

/// Runs of the exact twin that record exact angles.
public enum ExactAngleRun {
  /// Trains `network` (in place) on `batches` in order with plain SGD, the hidden layers
  /// propagated with `mode`, and returns the exact angles of every step before its update:
  /// run-time (the run's estimate), and paired SBP/MSBP estimates with `k` and `gamma` (the
  /// run's own for an MSBP run; along an SBP or dense run a shadow MSBP memory is carried,
  /// which the run never reads).
  public static func train(
    _ network: ExactMLP, batches: [ExactBatch], mode: ExactBackwardMode, k: Int, gamma: Rational,
    sgd: ExactSGD, selection: Selection = .perExample
  ) throws -> [ExactStepAngles] {
    try mode.validate()
    let sbpMode = ExactBackwardMode.sbp(k: k, selection: selection)
    let msbpMode = ExactBackwardMode.msbp(k: k, gamma: gamma, selection: selection)
    try msbpMode.validate()
    var runIsMSBP = false
    if case .msbp(let rk, let rg, _) = mode {
      guard rk == k, rg == gamma else {
        throw ConfigurationError("paired angles along an MSBP run use its own k and gamma (\(rk), \(rg)), got \(k), \(gamma)")
      }
      runIsMSBP = true
    }
    var out = [ExactStepAngles]()
    for (t, batch) in batches.enumerated() {
      let tape = try network.forward(batch.inputs)
      let dense = try network.backward(tape, targets: batch.targets, options: ExactBackwardOptions(mode: .dense))
      let run = try network.backward(tape, targets: batch.targets, options: ExactBackwardOptions(mode: mode))
      let sbp = mode == sbpMode ? run : try network.backward(tape, targets: batch.targets, options: ExactBackwardOptions(mode: sbpMode))
      let msbp = runIsMSBP ? run : try network.backward(tape, targets: batch.targets, options: ExactBackwardOptions(mode: msbpMode))
      out.append(ExactStepAngles(
        step: t, run: try ExactParameterAngles(estimate: run, truth: dense),
        sbp: try ExactParameterAngles(estimate: sbp, truth: dense),
        msbp: try ExactParameterAngles(estimate: msbp, truth: dense)))
      network.commitMemory(run)
      if !runIsMSBP { network.commitMemory(msbp) }  // the shadow memory
      try sgd.step(network, run)
    }
    return out
  }
}

/// Exact comparisons of angle series.
public enum ExactAngleComparison {
  /// The sign of `mean cos(a) - mean cos(b)` over two series of equal length, decided
  /// exactly (a ``RadicalSum`` of square roots of rationals): `+1` when the `a` angles are
  /// on average *closer* to the true gradient by mean cosine, the measure of the paper's
  /// Appendix G. Undefined angles (`nil`) are not allowed: pass only defined steps.
  public static func meanCosineOrder(_ a: [Angle], _ b: [Angle]) throws -> Int {
    guard a.count == b.count, !a.isEmpty else {
      throw ConfigurationError("mean cosine comparison needs two non-empty series of equal length, got \(a.count) and \(b.count)")
    }
    var difference = RadicalSum()
    for x in a { difference += x.cosine }
    for y in b { difference -= y.cosine }
    return try difference.sign()
  }

  /// How many steps have `a[i] < b[i]`, `a[i] == b[i]` and `a[i] > b[i]`, exactly.
  public static func stepwise(_ a: [Angle], _ b: [Angle]) throws -> (smaller: Int, equal: Int, larger: Int) {
    guard a.count == b.count else {
      throw ConfigurationError("stepwise comparison needs series of equal length, got \(a.count) and \(b.count)")
    }
    var r = (smaller: 0, equal: 0, larger: 0)
    for (x, y) in zip(a, b) {
      if x < y { r.smaller += 1 } else if x == y { r.equal += 1 } else { r.larger += 1 }
    }
    return r
  }
}
