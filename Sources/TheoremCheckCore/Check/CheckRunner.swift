import ExactArithmetic
import MSBPTheory

/// Runs EGD on a validated problem and decides Theorem 1 at every step,
/// by calling `MSBPTheory.Theorem1Check` (the exact decisions live there).
public enum CheckRunner {
  /// Runs the check.
  ///
  /// Iterates advance with the rational midpoint of a certified 64-bit
  /// enclosure of the proof's step eta (the exact eta is irrational in
  /// general; the theorem itself is decided with the exact eta). When the
  /// proof gives no step (theta >= pi/2, possible only with `theta: "auto"`),
  /// the iterate advances by the exact line-search step if it is positive
  /// and stays otherwise, so the following steps can still be checked.
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
          remark: "the estimate g_\(t) is the zero vector: delta is undefined, the hypothesis cannot hold, and EGD does not move"))
        continue
      }
      var report: Theorem1StepReport
      do {
        report = try theorem.check(at: w, estimate: g, theta: theta)
      } catch {
        throw InputError(.dimensionMismatch, "step \(t) could not be checked: \(error)")
      }
      var remark: String?
      if report.nextIterate == nil {
        // No proof step (theta >= pi/2): advance by the exact line search.
        if let lineSearch = try? theorem.check(at: w, estimate: g, theta: theta, step: .exactLineSearch),
          let step = lineSearch.takenStep, step > Rational(0)
        {
          report = lineSearch
          remark = "theta >= pi/2: the proof gives no step; advanced by the exact line-search step"
        } else {
          remark = "theta >= pi/2 and g is not a descent direction: the iterate stays"
        }
      }
      steps.append(CheckedStep(t: t, iterate: w, estimate: g, report: report, remark: remark))
      if let next = report.nextIterate { w = next }
    }
    return CheckRun(problem: problem, spectrum: spectrum, phi: theorem.phi, steps: steps, stoppedEarly: stoppedEarly)
  }
}
