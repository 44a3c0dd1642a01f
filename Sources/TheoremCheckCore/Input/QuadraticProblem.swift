import ExactArithmetic

/// How the EGD step's gradient estimate g_t is formed (Definition 5).
public enum EstimatorSpec: Sendable, Hashable {
  /// The true gradient A (w_t - w*): plain gradient descent.
  case exact
  /// top_k of the true gradient (Definition 4).
  case topK(k: Int)
  /// k coordinates of the true gradient chosen uniformly at random, seeded.
  case randomK(k: Int, seed: UInt64)
  /// Estimates given by the user, one vector per step.
  case given([[Rational]])

  /// The `kind` string of the input format.
  public var kind: String {
    switch self {
    case .exact: return "exact"
    case .topK: return "topk"
    case .randomK: return "randomk"
    case .given: return "given"
    }
  }
}

/// The angle theta of Theorem 1, as the user gave it.
public enum ThetaSpec: Sendable, Hashable {
  /// theta = arccos(q), with 0 < q <= 1.
  case cosine(Rational)
  /// theta = arcsin(q), with 0 <= q < 1.
  case sine(Rational)
  /// At each step, the smallest theta for which the hypothesis holds:
  /// theta_t = delta(w_t) + phi(l).
  case auto
}

/// A validated `theorem-check` problem: the quadratic, the start, the
/// estimator, theta and the number of steps.
///
/// The loss is l(w) = 1/2 (w - w*)^T A (w - w*); when the user gives `b`
/// instead of the minimizer, w* = A^-1 b (and the loss 1/2 w^T A w - b^T w
/// differs from this one by a constant, so gradients and iterates agree).
public struct QuadraticProblem: Sendable {
  /// The symmetric positive definite matrix A, as rows.
  public var matrix: [[Rational]]
  /// The minimizer w*.
  public var minimizer: [Rational]
  /// The linear term b, when the user gave it instead of w*.
  public var linearTerm: [Rational]?
  /// The starting point w_0.
  public var start: [Rational]
  /// The gradient estimator.
  public var estimator: EstimatorSpec
  /// theta.
  public var theta: ThetaSpec
  /// The number of EGD steps.
  public var steps: Int
  /// The spectrum bounds' relative gap is 2^-precision.
  public var precision: Int

  /// The dimension n.
  public var dimension: Int { matrix.count }

  /// Creates a problem; use `ProblemDecoder` to build one from user input
  /// with every check applied.
  public init(
    matrix: [[Rational]], minimizer: [Rational], linearTerm: [Rational]? = nil, start: [Rational],
    estimator: EstimatorSpec, theta: ThetaSpec, steps: Int, precision: Int = 30
  ) {
    self.matrix = matrix
    self.minimizer = minimizer
    self.linearTerm = linearTerm
    self.start = start
    self.estimator = estimator
    self.theta = theta
    self.steps = steps
    self.precision = precision
  }
}
