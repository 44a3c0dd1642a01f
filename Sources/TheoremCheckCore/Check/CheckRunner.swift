import ExactArithmetic
import MSBPTheory

/// Runs EGD on a validated problem and decides Theorem 1 at every step,
/// by calling `MSBPTheory.Theorem1Check` (the exact decisions live there).
public enum CheckRunner {
  /// Runs the check.
  ///
  /// The theorem is decided with the exact (generally irrational) eta of the
  /// proof; iterates advance with a short rational inside a certified
  /// enclosure of it (`takeStep`). When the proof gives no step (theta >=
  /// pi/2, possible only with `theta: "auto"`), the iterate advances by the
  /// exact line-search step if g is a descent direction and stays otherwise,
  /// so the following steps can still be checked.
  ///
  /// - Throws: `InputError` for problems only visible here (a spectrum that
  ///   cannot be certified), never a trap.
  public static func run(_ problem: QuadraticProblem) throws(InputError) -> CheckRun {
    let spectrum = try SpectrumCertification.certify(problem.matrix, precisionBits: problem.precision)
    let loss: QuadraticLoss
    let theorem: Theorem1Check
    do {
      loss = try QuadraticLoss(hessian: problem.matrix, minimizer: problem.minimizer)
      theorem = try Theorem1Check(loss: loss, mu: spectrum.mu, L: spectrum.L)
    } catch {
      throw InputError(.notPositiveDefinite, "the quadratic could not be set up: \(error)", at: InputLocation(field: "A"))
    }
    let theta: Theorem1Theta
    switch problem.theta {
    case .cosine(let q): theta = .cosine(q)
    case .sine(let q): theta = .sine(q)
    case .auto: theta = .automatic
    }
    var estimator = StepEstimator(problem.estimator)
    var w = problem.start
    var steps: [CheckedStep] = []
    var stoppedEarly: String?
    for t in 0..<problem.steps {
      if w == problem.minimizer {
        stoppedEarly = "w_\(t) is exactly the minimizer w*: the gradient vanishes and delta is undefined, so no further step can be checked"
        break
      }
      let gradient: [Rational]
      do {
        gradient = try loss.gradient(at: w)
      } catch {
        throw InputError(.dimensionMismatch, "gradient at step \(t): \(error)")
      }
      let g = try estimator.estimate(gradient, step: t)
      if g.allSatisfy({ $0 == Rational(0) }) {
        steps.append(CheckedStep(
          t: t, iterate: w, estimate: g, report: nil,
          taken: nil,
          remark: "the estimate g_\(t) is the zero vector: delta is undefined, the hypothesis cannot hold, and EGD does not move"))
        continue
      }
      let report: Theorem1StepReport
      do {
        // The step rule passed here (cheap: an 8-bit enclosure) only fills the
        // report's taken-step fields, which are ignored:
        // the step taken is chosen below (see StepRounding).
        report = try theorem.check(at: w, estimate: g, theta: theta, step: .proofStepApproximation(precisionBits: 8))
      } catch {
        throw InputError(.dimensionMismatch, "step \(t) could not be checked: \(error)")
      }
      let (taken, remark) = takeStep(w: w, g: g, minimizer: problem.minimizer, report: report)
      steps.append(CheckedStep(t: t, iterate: w, estimate: g, report: report, taken: taken, remark: remark))
      if let taken { w = taken.nextIterate }
    }
    return CheckRun(problem: problem, spectrum: spectrum, phi: theorem.phi, steps: steps, stoppedEarly: stoppedEarly)
  }

  /// The rational step: the simplest rational in a certified enclosure of the
  /// proof's eta of relative width about 2^-63; without a proof step (theta >= pi/2), a
  /// short rational just below the exact line-search step when g is a descent
  /// direction; otherwise none.
  static func takeStep(
    w: [Rational], g: [Rational], minimizer: [Rational], report: Theorem1StepReport
  ) -> (TakenStep?, String?) {
    let e = zip(w, minimizer).map { $0 - $1 }
    let eta: Rational
    let rule: String
    var remark: String?
    if let bounds = report.proofStepBounds, bounds.lower > Rational(0) {
      eta = StepRounding.simplest(inEnclosure: bounds, relativeSlackBits: 64)
      rule = "the simplest rational in a certified enclosure of the proof's eta of relative width about 2^-63"
    } else {
      let ge = dot(g, e)
      guard ge > Rational(0) else {
        return (nil, "theta >= pi/2 and g is not a descent direction: the proof gives no step and the iterate stays")
      }
      eta = StepRounding.shortBelow(ge / dot(g, g), bits: 64)
      rule = "a short rational within 2^-64 below the exact line-search step"
      remark = "theta >= pi/2: the proof gives no step; advanced by the exact line-search step"
    }
    let next = zip(w, g).map { $0 - eta * $1 }
    let nextError = zip(next, minimizer).map { $0 - $1 }
    let ratio = dot(nextError, nextError) / dot(e, e)
    let conclusion: Bool? = report.thetaBelowRightAngle ? (SurdSum(ratio) - report.sineSquaredTheta).sign <= 0 : nil
    return (TakenStep(eta: eta, nextIterate: next, contractionSquared: ratio, conclusionHolds: conclusion, rule: rule), remark)
  }

  static func dot(_ u: [Rational], _ v: [Rational]) -> Rational {
    var sum = Rational(0)
    for (a, b) in zip(u, v) { sum += a * b }
    return sum
  }
}
