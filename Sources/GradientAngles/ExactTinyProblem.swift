import ExactArithmetic
import ExactNetworks
import SparseNetworks

/// A tiny network, its data and an MSBP configuration, all rational: the exact reference
/// network of the angle claim. Stored as JSON (rationals as strings such as `"-3/4"`), so a
/// counterexample can be kept as a fixture and replayed exactly.
///
/// Training: plain SGD, batches of `batchSize` consecutive examples cycling through the data
/// in order, `steps` steps; hidden layers leaky ReLU with `slope` (0 is ReLU); squared-error
/// loss. With `batchSize` 1 this is Algorithm 2 exactly as the paper writes it, one example
/// per step, the memory carried from one example to the next.
public struct ExactTinyProblem: Sendable, Codable, Equatable {
  /// Widths, input first.
  public var sizes: [Int]
  /// The leaky ReLU slope of the hidden layers (`"0"`: ReLU).
  public var slope: String
  /// Each layer's weights `[m][n]`.
  public var weights: [[[String]]]
  /// Each layer's bias.
  public var biases: [[String]]
  /// The examples' inputs.
  public var inputs: [[String]]
  /// The examples' targets.
  public var targets: [[String]]
  /// Examples per step.
  public var batchSize: Int
  /// Training steps.
  public var steps: Int
  /// Units kept per example.
  public var k: Int
  /// MSBP's memory ratio.
  public var gamma: String
  /// SGD's step size.
  public var learningRate: String

  /// Parses a rational field, naming it in the error.
  static func q(_ s: String, _ name: String) throws -> Rational {
    do { return try Rational(parsing: s) } catch { throw ConfigurationError("exact tiny problem: \(name) '\(s)' is not a rational") }
  }

  /// Checks the shapes and ranges; throws a ``SparseNetworks/ConfigurationError`` naming the field.
  public func validate() throws {
    guard sizes.count >= 2, sizes.allSatisfy({ $0 >= 1 }) else { throw ConfigurationError("exact tiny problem: bad sizes \(sizes)") }
    guard weights.count == sizes.count - 1, biases.count == sizes.count - 1 else {
      throw ConfigurationError("exact tiny problem: \(weights.count) weight and \(biases.count) bias arrays for \(sizes.count - 1) layers")
    }
    for l in 0..<(sizes.count - 1) {
      guard weights[l].count == sizes[l + 1], weights[l].allSatisfy({ $0.count == sizes[l] }), biases[l].count == sizes[l + 1] else {
        throw ConfigurationError("exact tiny problem: layer \(l + 1) is not \(sizes[l]) -> \(sizes[l + 1])")
      }
    }
    guard !inputs.isEmpty, inputs.count == targets.count,
      inputs.allSatisfy({ $0.count == sizes[0] }), targets.allSatisfy({ $0.count == sizes.last! })
    else { throw ConfigurationError("exact tiny problem: inputs/targets do not match the sizes") }
    guard batchSize >= 1, batchSize <= inputs.count else { throw ConfigurationError("exact tiny problem: batchSize \(batchSize) out of 1...\(inputs.count)") }
    guard steps >= 1 else { throw ConfigurationError("exact tiny problem: steps must be >= 1") }
    guard k >= 1 else { throw ConfigurationError("exact tiny problem: k must be >= 1") }
    let g = try Self.q(gamma, "gamma")
    guard g.signum >= 0, g < .one else { throw ConfigurationError("exact tiny problem: gamma must be in [0, 1), got \(gamma)") }
    guard try Self.q(learningRate, "learningRate").signum > 0 else { throw ConfigurationError("exact tiny problem: learningRate must be > 0") }
    guard try Self.q(slope, "slope").signum >= 0 else { throw ConfigurationError("exact tiny problem: slope must be >= 0") }
  }

  /// A fresh network at the problem's initial parameters.
  public func makeNetwork() throws -> ExactMLP {
    try validate()
    let layers = try (0..<(sizes.count - 1)).map { l in
      try ExactLinear(
        weight: ExactMatrix(weights[l].enumerated().map { i, row in try row.map { try Self.q($0, "weights[\(l)][\(i)]") } }),
        bias: biases[l].map { try Self.q($0, "biases[\(l)]") })
    }
    let s = try Self.q(slope, "slope")
    return try ExactMLP(layers: layers, activation: s.isZero ? .relu : .leakyReLU(slope: s), loss: .squaredError)
  }

  /// The batches of the run, in order.
  public func batches() throws -> [ExactBatch] {
    try validate()
    let x = try inputs.map { try $0.map { try Self.q($0, "inputs") } }
    let y = try targets.map { try $0.map { try Self.q($0, "targets") } }
    return try (0..<steps).map { t in
      let rows = (0..<batchSize).map { (t * batchSize + $0) % x.count }
      return try ExactBatch(inputs: ExactMatrix(rows.map { x[$0] }), targets: ExactMatrix(rows.map { y[$0] }))
    }
  }

  /// The exact memory ratio.
  public var exactGamma: Rational { get throws { try Self.q(gamma, "gamma") } }
  /// The exact SGD.
  public var sgd: ExactSGD { get throws { try ExactSGD(learningRate: Self.q(learningRate, "learningRate")) } }

  /// A problem from integers: every weight, bias, input and target is `value / 4`, read in
  /// order from `values` (cycled; `values` must not be empty) — the form a property-test
  /// generator produces and shrinks towards 0.
  public static func fromQuarters(
    sizes: [Int], examples: Int, values: [Int], batchSize: Int = 1, steps: Int, k: Int,
    gamma: String, learningRate: String = "1/4", slope: String = "1/4"
  ) throws -> ExactTinyProblem {
    guard !values.isEmpty else { throw ConfigurationError("fromQuarters needs at least one value") }
    var i = 0
    func next() -> String {
      defer { i += 1 }
      return "\(Rational(values[i % values.count], 4))"
    }
    let weights = (0..<(sizes.count - 1)).map { l in (0..<sizes[l + 1]).map { _ in (0..<sizes[l]).map { _ in next() } } }
    let biases = (0..<(sizes.count - 1)).map { l in (0..<sizes[l + 1]).map { _ in next() } }
    let inputs = (0..<examples).map { _ in (0..<sizes[0]).map { _ in next() } }
    let targets = (0..<examples).map { _ in (0..<sizes.last!).map { _ in next() } }
    let p = ExactTinyProblem(
      sizes: sizes, slope: slope, weights: weights, biases: biases, inputs: inputs, targets: targets,
      batchSize: batchSize, steps: steps, k: k, gamma: gamma, learningRate: learningRate)
    try p.validate()
    return p
  }
}

/// The claim on an exact tiny problem, decided exactly for every hidden layer and the whole
/// parameter vector.
public struct ExactClaimOutcome: Sendable {
  /// One verdict.
  public struct Verdict: Sendable {
    /// `run-time` (an SBP run vs an MSBP run from the same start) or `paired` (along the
    /// MSBP run, both estimates from the same states).
    public var measure: AngleMeasure
    /// The part of the parameter vector.
    public var part: ParameterPart
    /// Steps where both angles are defined.
    public var steps: Int
    /// Exact `sign(mean cos(MSBP) - mean cos(SBP))`: `+1` means MSBP is closer on average.
    public var meanCosineOrder: Int
    /// Steps with the MSBP angle smaller / equal / larger than SBP's, exactly.
    public var stepwise: (smaller: Int, equal: Int, larger: Int)
    /// Approximate mean angles in degrees, for reports only (never for a decision).
    public var approximateMeanDegrees: (sbp: Double, msbp: Double)
    /// The claim by mean cosine: MSBP strictly closer on average.
    public var holds: Bool { meanCosineOrder > 0 }
  }

  /// The verdicts, run-time then paired, hidden layers then whole.
  public var verdicts: [Verdict]

  /// Runs the problem twice from the same start (SBP and MSBP with the problem's `k` and
  /// `gamma`) and decides the claim exactly.
  public init(_ problem: ExactTinyProblem) throws {
    let batches = try problem.batches()
    let gamma = try problem.exactGamma
    let sbpRun = try ExactAngleRun.train(
      try problem.makeNetwork(), batches: batches, mode: .sbp(k: problem.k), k: problem.k, gamma: gamma, sgd: try problem.sgd)
    let msbpRun = try ExactAngleRun.train(
      try problem.makeNetwork(), batches: batches, mode: .msbp(k: problem.k, gamma: gamma), k: problem.k, gamma: gamma,
      sgd: try problem.sgd)
    let hidden = (1..<(problem.sizes.count - 1)).map { ParameterPart.layer($0) }
    verdicts = []
    for measure in [AngleMeasure.runTime, .paired] {
      for part in hidden + [.whole] {
        var s = [Angle](), m = [Angle]()
        for t in batches.indices {
          let pair: (Angle?, Angle?) = measure == .runTime
            ? (sbpRun[t].run[part], msbpRun[t].run[part]) : (msbpRun[t].sbp[part], msbpRun[t].msbp[part])
          if let a = pair.0, let b = pair.1 {
            s.append(a)
            m.append(b)
          }
        }
        guard !s.isEmpty else { continue }
        let degrees = { (xs: [Angle]) in xs.map { $0.approximateRadians * 180 / .pi }.reduce(0, +) / Double(xs.count) }
        verdicts.append(Verdict(
          measure: measure, part: part, steps: s.count,
          meanCosineOrder: try ExactAngleComparison.meanCosineOrder(m, s),
          stepwise: try ExactAngleComparison.stepwise(m, s),
          approximateMeanDegrees: (degrees(s), degrees(m))))
      }
    }
  }
}
