import ExactArithmetic
import MSBPTheory

/// The human-readable report of a check run.
extension CheckRun {
  /// The text report: the certified constants, one line per step, the
  /// summary, and every counterexample printed whole.
  public func textReport(_ options: ReportOptions = ReportOptions()) -> String {
    let d = options.digits
    var out: [String] = []
    let p = problem
    out.append("theorem-check: Theorem 1 (convergence of EGD) on \(options.inputName ?? "the input")")
    out.append("loss: l(w) = 1/2 (w - w*)^T A (w - w*), n = \(p.dimension)" + (p.linearTerm != nil ? " (w* = A^-1 b)" : ""))
    out.append("mu = \(Decimals.rounded(spectrum.mu, digits: d)) <= lambda_min(A) <= \(Decimals.rounded(spectrum.lambdaMinUpperBound, digits: d))")
    out.append("L  = \(Decimals.rounded(spectrum.L, digits: d)) >= lambda_max(A) >= \(Decimals.rounded(spectrum.lambdaMaxLowerBound, digits: d))")
    out.append("     certified: \(spectrum.method)")
    if options.exactForms {
      out.append("     mu = \(spectrum.mu)")
      out.append("     L  = \(spectrum.L)")
    }
    out.append("cos(phi) = sqrt(mu/L) = \(Decimals.rounded(phi.cosine, digits: d))  (phi ~ \(Decimals.degrees(phi)) deg)")
    out.append("estimator: \(Self.describe(p.estimator))")
    out.append("theta: \(Self.describe(p.theta, digits: d))")
    out.append("")
    out.append(Self.row(["step", "cos(delta)", "cos(theta)", "hypothesis", "eta (proof)", "ratio", "sin^2(theta)", "conclusion"]))
    for step in steps {
      guard let r = step.report else {
        out.append(Self.row(["\(step.t)", "undefined", "-", "fails", "-", "-", "-", "-"]))
        if let remark = step.remark { out.append("      \(remark)") }
        continue
      }
      let eta = r.proofStep.map { Decimals.rounded($0, digits: d) } ?? "none"
      let ratio = r.contractionWithProofStep.map { Decimals.rounded($0, digits: d) } ?? "-"
      let conclusion = r.conclusionWithProofStep.map { $0 ? "holds" : "fails" } ?? "-"
      let noTheta = r.automaticThetaExceedsPi
      out.append(Self.row([
        "\(step.t)", Decimals.rounded(r.delta.cosine, digits: d), noTheta ? "none" : Decimals.rounded(r.theta.cosine, digits: d),
        r.hypothesisHolds ? "holds" : "fails", eta, ratio, noTheta ? "none" : Decimals.rounded(r.sineSquaredTheta, digits: d),
        conclusion,
      ]))
      if noTheta { out.append("      " + CheckRun.noThetaRemark) }
      if options.exactForms {
        out.append("      cos(delta) = \(r.delta.cosine)")
        if case .automatic = r.thetaSpecification, !noTheta { out.append("      cos(theta) = \(r.theta.cosine)") }
        if let eta = r.proofStep { out.append("      eta = \(eta); taken: \(step.taken.map { "\($0.eta)" } ?? "none")") }
        if let ratio = r.contractionWithProofStep { out.append("      ratio = \(ratio)") }
        if !noTheta { out.append("      sin^2(theta) = \(r.sineSquaredTheta)") }
      }
      if let remark = step.remark { out.append("      \(remark)") }
    }
    if let stoppedEarly { out.append("stopped after \(steps.count) of \(p.steps) steps: \(stoppedEarly)") }
    out.append("")
    out.append("ratio = ||w_{t+1} - w*||^2 / ||w_t - w*||^2 with the proof's eta = cos(theta) ||w_t - w*|| / ||g_t||;")
    out.append("all comparisons are exact; decimals are correctly rounded to \(d) digits.")
    let held = hypothesisCount
    if held == 0 {
      out.append("summary: the hypothesis held in none of the \(steps.count) steps, so Theorem 1 promised nothing here.")
    } else {
      out.append("summary: the hypothesis held in \(held) of \(steps.count) steps; the conclusion held in \(conclusionCount) of those \(held).")
    }
    for step in failingSteps {
      out.append("")
      out.append(contentsOf: counterexampleText(step))
    }
    switch verdict {
    case .holds:
      out.append("verdict: every checked conclusion holds (exit 0)")
    case .counterexample:
      out.append("verdict: COUNTEREXAMPLE, a claim of the paper failed (exit 1)")
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// A failing step printed whole, with every exact value needed to re-check it by hand.
  func counterexampleText(_ step: CheckedStep) -> [String] {
    guard let r = step.report else { return [] }
    func vector(_ v: [Rational]) -> String { "[" + v.map(\.description).joined(separator: ", ") + "]" }
    var out = ["COUNTEREXAMPLE at step \(step.t):"]
    if step.isCounterexample {
      out.append("  Theorem 1: the hypothesis delta + phi <= theta < pi/2 holds but ||w_{t+1} - w*||^2 > sin^2(theta) ||w_t - w*||^2")
    }
    if !r.gradientErrorAngleWithinPhi {
      out.append("  Eq. 34: the angle between the true gradient and w_t - w* exceeds phi")
    }
    if r.hypothesisHolds && !r.estimateErrorAngleWithinTheta {
      out.append("  Eq. 35: the hypothesis holds but the angle between g_t and w_t - w* exceeds theta")
    }
    out.append("  A = [" + problem.matrix.map(vector).joined(separator: ", ") + "]")
    out.append("  w* = \(vector(problem.minimizer))")
    out.append("  w_t = \(vector(step.iterate))")
    out.append("  true gradient = \(vector(r.gradient))")
    out.append("  g_t = \(vector(step.estimate))")
    out.append("  mu = \(spectrum.mu), L = \(spectrum.L)")
    out.append("  cos(phi) = \(phi.cosine)")
    out.append("  cos(delta) = \(r.delta.cosine)")
    out.append(r.automaticThetaExceedsPi ? "  cos(theta): none (\(CheckRun.noThetaRemark))" : "  cos(theta) = \(r.theta.cosine)")
    out.append("  cos<grad, w_t - w*> = \(r.gradientErrorAngle.cosine)")
    out.append("  cos<g_t, w_t - w*> = \(r.estimateErrorAngle.cosine)")
    if let eta = r.proofStep { out.append("  eta = \(eta)") }
    if let ratio = r.contractionWithProofStep { out.append("  ratio = \(ratio)") }
    if !r.automaticThetaExceedsPi { out.append("  sin^2(theta) = \(r.sineSquaredTheta)") }
    return out
  }

  /// Printed where automatic θ would be δ + φ but that sum exceeds π.
  static let noThetaRemark = "delta + phi > pi: no theta in [0, pi] equals it, so no theta satisfies the hypothesis"

  static func row(_ cells: [String]) -> String {
    let widths = [5, 12, 12, 11, 14, 14, 13, 10]
    return zip(cells, widths).map { cell, width in
      cell.count >= width ? cell + " " : cell + String(repeating: " ", count: width - cell.count)
    }.joined().trimmingTrailingSpaces()
  }

  static func describe(_ estimator: EstimatorSpec) -> String {
    switch estimator {
    case .exact: return "exact (the true gradient)"
    case .topK(let k): return "top_k, k = \(k) (Definition 4; ties to the smaller index)"
    case .randomK(let k, let seed): return "random_k, k = \(k), seed = \(seed) (step t draws with seed + t)"
    case .given(let g): return "given (\(g.count) vectors)"
    }
  }

  static func describe(_ theta: ThetaSpec, digits: Int) -> String {
    switch theta {
    case .cosine(let q): return "cos(theta) = \(q)"
    case .sine(let q): return "sin(theta) = \(q)"
    case .auto: return "auto (at each step the smallest admissible theta = delta + phi)"
    }
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
