import ExactArithmetic
import MSBPTheory

/// The certified spectrum bounds the check uses: mu <= lambda_min(A) and
/// L >= lambda_max(A), and how they were certified.
public struct SpectrumBounds: Sendable {
  /// Certified strong-convexity constant mu > 0.
  public var mu: Rational
  /// Certified smoothness constant L >= mu.
  public var L: Rational
  /// A proven upper bound of lambda_min(A): mu <= lambda_min <= this.
  public var lambdaMinUpperBound: Rational
  /// A proven lower bound of lambda_max(A): this <= lambda_max <= L.
  public var lambdaMaxLowerBound: Rational
  /// How the bounds were certified, in words.
  public var method: String
}

/// The rational step EGD took, and the conclusion decided for it.
public struct TakenStep: Sendable {
  /// The rational step eta_t actually taken (see `StepRounding`).
  public var eta: Rational
  /// w_{t+1} = w_t - eta_t g_t.
  public var nextIterate: [Rational]
  /// ||w_{t+1} - w*||^2 / ||w_t - w*||^2 for this step, exactly.
  public var contractionSquared: Rational
  /// Whether that ratio is <= sin^2(theta) (nil when theta >= pi/2).
  public var conclusionHolds: Bool?
  /// How the step was chosen, in words.
  public var rule: String
}

/// One EGD step as checked.
public struct CheckedStep: Sendable {
  /// The step index t (w_t -> w_{t+1}).
  public var t: Int
  /// The iterate w_t.
  public var iterate: [Rational]
  /// The estimate g_t.
  public var estimate: [Rational]
  /// Everything Theorem 1's check decided, or nil when the estimate is the
  /// zero vector (delta is undefined, the hypothesis cannot hold, and EGD
  /// does not move).
  public var report: Theorem1StepReport?
  /// The rational step taken (nil when the iterate stayed).
  public var taken: TakenStep?
  /// A remark about this step (why the report is missing, how the iterate advanced).
  public var remark: String?

  /// Theorem 1's hypothesis delta + phi <= theta < pi/2 at this step.
  public var hypothesisHolds: Bool { report?.hypothesisHolds ?? false }

  /// The conclusion with the proof's step (nil when the proof gives no step).
  public var conclusionHolds: Bool? { report?.conclusionWithProofStep }

  /// A counterexample to Theorem 1: the hypothesis holds and the conclusion fails.
  public var isCounterexample: Bool {
    guard let report else { return false }
    return !report.theoremHolds
  }

  /// A failure of one of the proof's intermediate facts: Eq. 34 (always
  /// claimed) or Eq. 35 (claimed when the hypothesis holds).
  public var intermediateFactFails: Bool {
    guard let report else { return false }
    if !report.gradientErrorAngleWithinPhi { return true }
    return report.hypothesisHolds && !report.estimateErrorAngleWithinTheta
  }
}

/// The verdict of a run.
public enum CheckVerdict: String, Sendable {
  /// Every checked conclusion (and intermediate fact) holds.
  case holds
  /// A conclusion or intermediate fact failed where the paper claims it: a counterexample.
  case counterexample

  /// The exit code this verdict maps to.
  public var exitCode: ExitCode { self == .holds ? .success : .claimFailed }
}

/// The outcome of `theorem-check check`: the problem, the certified
/// constants, every step, and the verdict.
public struct CheckRun: Sendable {
  /// The validated problem.
  public var problem: QuadraticProblem
  /// Certified mu and L.
  public var spectrum: SpectrumBounds
  /// phi(l) = arccos sqrt(mu/L) (Definition 1), exactly.
  public var phi: QuadraticAngle
  /// The steps, in order.
  public var steps: [CheckedStep]
  /// Why the run ended before `problem.steps` steps, if it did.
  public var stoppedEarly: String?

  /// Steps at which the hypothesis held.
  public var hypothesisCount: Int { steps.filter(\.hypothesisHolds).count }
  /// Steps at which the hypothesis and the conclusion both held.
  public var conclusionCount: Int { steps.filter { $0.hypothesisHolds && $0.conclusionHolds == true }.count }
  /// The steps that contradict the paper.
  public var failingSteps: [CheckedStep] { steps.filter { $0.isCounterexample || $0.intermediateFactFails } }

  /// `.holds` unless some step contradicts Theorem 1 or its proof.
  public var verdict: CheckVerdict { failingSteps.isEmpty ? .holds : .counterexample }
}
