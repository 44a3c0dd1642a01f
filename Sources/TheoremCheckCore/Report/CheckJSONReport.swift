import ExactArithmetic
import MSBPTheory

/// The machine-readable report of a check run.
///
/// Rationals are `"p/q"` strings (`"p"` for integers); algebraic values such
/// as eta or cos(delta) are exact strings in the notation of `SurdSum`
/// (e.g. `"1/10·√(13/5)"`), each with a correctly rounded `...Decimal`
/// companion. Booleans are the exact decisions.
extension CheckRun {
  /// The JSON report as a value.
  public func jsonReport(_ options: ReportOptions = ReportOptions()) -> JSONValue {
    let d = options.digits
    func exact(_ x: SurdSum?) -> JSONValue { x.map { .string($0.description) } ?? .null }
    func decimal(_ x: SurdSum?) -> JSONValue { x.map { .string(Decimals.rounded($0, digits: d)) } ?? .null }
    func rational(_ x: Rational?) -> JSONValue { x.map { .string($0.description) } ?? .null }
    func flag(_ x: Bool?) -> JSONValue { x.map { .bool($0) } ?? .null }
    func vector(_ v: [Rational]) -> JSONValue { .array(values: v.map { .string($0.description) }) }

    let stepValues: [JSONValue] = steps.map { step in
      let r = step.report
      // With automatic theta and delta + phi > pi there is no theta: null, not pi's values.
      let theta = r.flatMap { $0.automaticThetaExceedsPi ? nil : $0 }
      let remark = [step.remark, r?.automaticThetaExceedsPi == true ? CheckRun.noThetaRemark : nil]
        .compactMap { $0 }.joined(separator: "; ")
      return .object(ordered: [
        ("t", .integer(step.t)),
        ("cosDelta", exact(r?.delta.cosine)),
        ("cosDeltaDecimal", decimal(r?.delta.cosine)),
        ("cosTheta", exact(theta?.theta.cosine)),
        ("cosThetaDecimal", decimal(theta?.theta.cosine)),
        ("hypothesisHolds", .bool(step.hypothesisHolds)),
        ("eta", exact(r?.proofStep)),
        ("etaDecimal", decimal(r?.proofStep)),
        ("etaTaken", rational(step.taken?.eta)),
        ("contractionSquared", exact(r?.contractionWithProofStep)),
        ("contractionSquaredDecimal", decimal(r?.contractionWithProofStep)),
        ("sinThetaSquared", exact(theta?.sineSquaredTheta)),
        ("sinThetaSquaredDecimal", decimal(theta?.sineSquaredTheta)),
        ("conclusionHolds", flag(r?.conclusionWithProofStep)),
        ("takenStepContractionSquared", rational(step.taken?.contractionSquared)),
        ("takenStepConclusionHolds", flag(step.taken?.conclusionHolds)),
        ("gradientAngleWithinPhi", flag(r?.gradientErrorAngleWithinPhi)),
        ("estimateAngleWithinTheta", flag(r?.estimateErrorAngleWithinTheta)),
        ("remark", remark.isEmpty ? .null : .string(remark)),
      ])
    }

    let counterexamples: [JSONValue] = failingSteps.compactMap { step in
      guard let r = step.report else { return nil }
      return .object(ordered: [
        ("t", .integer(step.t)),
        ("theorem1Fails", .bool(step.isCounterexample)),
        ("eq34Fails", .bool(!r.gradientErrorAngleWithinPhi)),
        ("eq35Fails", .bool(r.hypothesisHolds && !r.estimateErrorAngleWithinTheta)),
        ("A", .array(values: problem.matrix.map(vector))),
        ("minimizer", vector(problem.minimizer)),
        ("iterate", vector(step.iterate)),
        ("gradient", vector(r.gradient)),
        ("estimate", vector(step.estimate)),
        ("mu", rational(spectrum.mu)),
        ("L", rational(spectrum.L)),
        ("cosPhi", exact(phi.cosine)),
        ("cosDelta", exact(r.delta.cosine)),
        ("cosTheta", exact(r.theta.cosine)),
        ("eta", exact(r.proofStep)),
        ("contractionSquared", exact(r.contractionWithProofStep)),
        ("sinThetaSquared", exact(r.sineSquaredTheta)),
      ])
    }

    let thetaValue: JSONValue
    switch problem.theta {
    case .auto: thetaValue = .string("auto")
    case .cosine(let q): thetaValue = .object(ordered: [("cos", rational(q))])
    case .sine(let q): thetaValue = .object(ordered: [("sin", rational(q))])
    }
    var estimatorFields: [(String, JSONValue)] = [("kind", .string(problem.estimator.kind))]
    switch problem.estimator {
    case .topK(let k): estimatorFields.append(("k", .integer(k)))
    case .randomK(let k, let seed):
      estimatorFields.append(("k", .integer(k)))
      estimatorFields.append(("seed", .number(JSONNumber(text: String(seed), isIntegerLiteral: true))))
    case .given(let g): estimatorFields.append(("vectors", .integer(g.count)))
    case .exact: break
    }

    return .object(ordered: [
      ("input", options.inputName.map { .string($0) } ?? .null),
      ("dimension", .integer(problem.dimension)),
      ("minimizer", vector(problem.minimizer)),
      ("mu", rational(spectrum.mu)),
      ("L", rational(spectrum.L)),
      ("lambdaMinUpperBound", rational(spectrum.lambdaMinUpperBound)),
      ("lambdaMaxLowerBound", rational(spectrum.lambdaMaxLowerBound)),
      ("spectrumCertificate", .string(spectrum.method)),
      ("cosPhi", exact(phi.cosine)),
      ("cosPhiDecimal", decimal(phi.cosine)),
      ("estimator", .object(ordered: estimatorFields)),
      ("theta", thetaValue),
      ("steps", .array(values: stepValues)),
      ("stoppedEarly", stoppedEarly.map { .string($0) } ?? .null),
      ("summary", .object(ordered: [
        ("stepsChecked", .integer(steps.count)),
        ("hypothesisHeld", .integer(hypothesisCount)),
        ("conclusionHeldWhereHypothesisHeld", .integer(conclusionCount)),
        ("failures", .integer(failingSteps.count)),
      ])),
      ("counterexamples", .array(values: counterexamples)),
      ("verdict", .string(verdict.rawValue)),
    ])
  }
}
