/// The three ways this module measures a gradient estimation angle (Definition 2).
///
/// Definition 2 compares an estimate `g^w` with "the true gradient" of a loss `l`; which loss
/// and which state the estimate comes from is left open by the paper, and the answer changes
/// what "the angle of SBP" means:
public enum AngleMeasure: String, Sendable, Codable, CaseIterable, Comparable {
  /// The run's own estimate (the update it applies) against the dense gradient of the same
  /// minibatch loss, at the same parameters, batch and dropout mask. This is Figure 3's
  /// "run-time" angle. It is trajectory-dependent: the SBP angle is measured along an SBP
  /// run, the MSBP angle along a different (MSBP) run.
  case runTime = "run-time"
  /// SBP's `top_k(dl/dh)` and MSBP's `top_k(dl/dh + m)` computed from the *same* state
  /// (parameters, batch, dropout mask, and the MSBP memory accumulated along the run),
  /// each against the dense minibatch gradient. The comparison does not depend on two
  /// diverging trajectories.
  case paired
  /// An estimate of the minibatch (the run's update, and the dense, SBP and MSBP minibatch
  /// gradients) against the gradient of the loss on the whole training set (or a fixed
  /// subset of it) without dropout: the `delta(w_t)` of Theorem 1 and Lemma F.1, which
  /// speak of the dataset loss `l(w; D)`.
  case dataset

  /// Declaration order.
  public static func < (a: AngleMeasure, b: AngleMeasure) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// Whose estimate an angle is measured for.
public enum Estimator: String, Sendable, Codable, CaseIterable, Comparable {
  /// The dense minibatch gradient (with ``AngleMeasure/dataset`` only: the SGD noise floor).
  case dense
  /// Sparse backpropagation (Algorithm 1).
  case sbp
  /// Memorized sparse backpropagation (Algorithm 2).
  case msbp
  /// ``AngleMeasure/paired`` only: the per-step difference `angle(SBP) - angle(MSBP)`,
  /// positive where MSBP is closer to the true gradient.
  case sbpMinusMSBP = "sbp-minus-msbp"

  /// Declaration order.
  public static func < (a: Estimator, b: Estimator) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// The name of one series of angles of a run.
public struct SeriesKey: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  /// How the angle is measured.
  public var measure: AngleMeasure
  /// Whose estimate.
  public var estimator: Estimator
  /// Which part of the parameter vector.
  public var part: ParameterPart

  /// A key from its parts.
  public init(_ measure: AngleMeasure, _ estimator: Estimator, _ part: ParameterPart) {
    self.measure = measure
    self.estimator = estimator
    self.part = part
  }

  /// `measure/estimator/part`, e.g. `paired/msbp/layer1`.
  public var description: String { "\(measure.rawValue)/\(estimator.rawValue)/\(part)" }

  /// By measure, then estimator, then part.
  public static func < (a: SeriesKey, b: SeriesKey) -> Bool {
    (a.measure, a.estimator, a.part) < (b.measure, b.estimator, b.part)
  }
}
