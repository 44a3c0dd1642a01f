import ExactArithmetic

/// What a gradient estimator or step-size rule may look at in step t of EGD.
public struct EGDStepContext: Sendable {
  /// The step index t (from 0).
  public let t: Int
  /// The loss (its minimizer is available to oracle rules such as the proof's step).
  public let loss: QuadraticLoss
  /// w_t.
  public let iterate: [Rational]
  /// ∇ℓ(w_t).
  public let gradient: [Rational]
}

/// Produces the estimate `g_t` of `∇ℓ(w_t)` (Definition 5).
public protocol GradientEstimator: Sendable {
  /// The estimate for this step.
  func estimate(_ context: EGDStepContext) throws -> [Rational]
}

/// Chooses the learning rate `η_t > 0` (Definition 5).
public protocol StepSizeRule: Sendable {
  /// The step for this step, given the estimate.
  func stepSize(_ context: EGDStepContext, estimate: [Rational]) throws -> Rational
}

/// The true gradient: EGD is then plain gradient descent.
public struct TrueGradientEstimator: GradientEstimator {
  /// Creates the estimator.
  public init() {}
  /// ∇ℓ(w_t).
  public func estimate(_ context: EGDStepContext) throws -> [Rational] { context.gradient }
}

/// A sparsifying function applied to the true gradient (e.g. `top_k`).
public struct SparsifiedGradientEstimator<S: SparsifyingFunction>: GradientEstimator {
  /// The sparsifier.
  public let sparsifier: S
  /// Entries kept.
  public let k: Int
  /// Creates the estimator `S_{I_k}(∇ℓ(w_t))`.
  public init(sparsifier: S, k: Int) {
    self.sparsifier = sparsifier
    self.k = k
  }
  /// `S_{I_k}(∇ℓ(w_t))`.
  public func estimate(_ context: EGDStepContext) throws -> [Rational] {
    try sparsifier.apply(to: context.gradient, k: k)
  }
}

/// The true gradient plus a perturbation orthogonal to it, with a controlled
/// angle: `g = ∇ + τ p⊥`, where `p⊥` is the part of `direction` orthogonal
/// to ∇. Then `tan²δ = τ² ‖p⊥‖² / ‖∇‖²` is rational, so
/// `cos²δ = 1 / (1 + tan²δ)` is known in closed form, independently of the
/// angle code the checks use.
public struct PerturbedGradientEstimator: GradientEstimator {
  /// τ.
  public let tangent: Rational
  /// The raw perturbation direction (its component along ∇ is removed).
  public let direction: [Rational]
  /// Creates the estimator.
  public init(tangent: Rational, direction: [Rational]) {
    self.tangent = tangent
    self.direction = direction
  }
  /// `∇ + τ p⊥`.
  public func estimate(_ context: EGDStepContext) throws -> [Rational] {
    try VectorMath.requireCount(direction, context.gradient.count, "perturbation direction")
    let grad = context.gradient
    let gg = VectorMath.squaredNorm(grad)
    if gg.isZeroValue { return grad }
    let along = VectorMath.dot(direction, grad) / gg
    let orthogonal = VectorMath.subtract(direction, VectorMath.scale(grad, by: along))
    return VectorMath.add(grad, VectorMath.scale(orthogonal, by: tangent))
  }
}

/// A constant learning rate.
public struct ConstantStep: StepSizeRule {
  /// η.
  public let eta: Rational
  /// Creates the rule.
  public init(_ eta: Rational) { self.eta = eta }
  /// η.
  public func stepSize(_ context: EGDStepContext, estimate: [Rational]) throws -> Rational { eta }
}

/// The exact line search toward w*: `η = g·(w_t − w*)/‖g‖²` (an oracle rule,
/// like the proof's step, since it uses w*).
public struct LineSearchStep: StepSizeRule {
  /// Creates the rule.
  public init() {}
  /// `g·(w_t − w*)/‖g‖²`.
  public func stepSize(_ context: EGDStepContext, estimate g: [Rational]) throws -> Rational {
    let gg = VectorMath.squaredNorm(g)
    if gg.isZeroValue { throw TheoryError.zeroVector("estimate g") }
    return VectorMath.dot(g, VectorMath.subtract(context.iterate, context.loss.minimizer)) / gg
  }
}

/// Theorem 1's step `η = cos θ ‖w_t − w*‖/‖g‖`, taken as the midpoint of a
/// certified enclosure (it is irrational in general; see Proofs/Theorem1.md).
public struct ProofStep: StepSizeRule {
  /// cos θ (θ < π/2 given by a rational cosine).
  public let cosineTheta: Rational
  /// Bits of the enclosure.
  public let precisionBits: Int
  /// Creates the rule.
  public init(cosineTheta: Rational, precisionBits: Int = 64) {
    self.cosineTheta = cosineTheta
    self.precisionBits = precisionBits
  }
  /// The midpoint of the enclosure of `cos θ √(‖w_t − w*‖²/‖g‖²)`.
  public func stepSize(_ context: EGDStepContext, estimate g: [Rational]) throws -> Rational {
    let gg = VectorMath.squaredNorm(g)
    if gg.isZeroValue { throw TheoryError.zeroVector("estimate g") }
    let ee = VectorMath.squaredNorm(VectorMath.subtract(context.iterate, context.loss.minimizer))
    let eta = (try SurdSum.squareRoot(of: ee / gg)) * cosineTheta
    let (lo, hi) = eta.bounds(precisionBits: precisionBits)
    return (lo + hi) * Rational(1, 2)
  }
}

/// Definition 5 (estimated gradient descent) on exact rationals:
/// `w_{t+1} = w_t − η_t g_t`.
public struct EstimatedGradientDescent<E: GradientEstimator, R: StepSizeRule>: Sendable {
  /// The loss minimized.
  public let loss: QuadraticLoss
  /// The estimator of ∇ℓ(w_t).
  public let estimator: E
  /// The step-size rule.
  public let stepRule: R

  /// Creates EGD.
  public init(loss: QuadraticLoss, estimator: E, stepRule: R) {
    self.loss = loss
    self.estimator = estimator
    self.stepRule = stepRule
  }

  /// One step from `w` at time `t`: returns `(g_t, η_t, w_{t+1})`.
  /// - Throws: `outOfRange` when the rule returns η <= 0 (Definition 5 needs η > 0).
  public func step(from w: [Rational], t: Int) throws -> (estimate: [Rational], eta: Rational, next: [Rational]) {
    let context = EGDStepContext(t: t, loss: loss, iterate: w, gradient: try loss.gradient(at: w))
    let g = try estimator.estimate(context)
    try VectorMath.requireCount(g, w.count, "estimate g_\(t)")
    let eta = try stepRule.stepSize(context, estimate: g)
    if eta.signValue <= 0 {
      throw TheoryError.outOfRange(what: "learning rate η_\(t)", value: "\(eta)", allowed: "(0, ∞)")
    }
    return (g, eta, VectorMath.subtract(w, VectorMath.scale(g, by: eta)))
  }

  /// The iterates w_0, …, w_T (stops early at w*, where the gradient vanishes).
  public func run(from w0: [Rational], steps: Int) throws -> [[Rational]] {
    var iterates = [w0]
    var w = w0
    for t in 0..<steps {
      if VectorMath.isZero(try loss.gradient(at: w)) { break }
      w = try step(from: w, t: t).next
      iterates.append(w)
    }
    return iterates
  }
}
