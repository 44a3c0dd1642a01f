/// Mean and sample standard deviation over the seeds of one configuration: what a table of
/// results (the paper's Table 2, Figures 1-2) reports.
public struct SeedSummary: Sendable, Equatable {
  /// How many runs (seeds).
  public var runs: Int
  /// Mean and sample standard deviation (0 for one run) of the test accuracy at the epoch of
  /// best development accuracy.
  public var testAtBestDev: (mean: Double, sd: Double)
  /// Mean and sample standard deviation of the test accuracy after the last epoch.
  public var finalTest: (mean: Double, sd: Double)
  /// Mean backward seconds per epoch over all runs and epochs.
  public var backwardSecondsPerEpoch: Double

  /// The summary of `results` (runs of one configuration); `nil` when there are none.
  public init?(_ results: [TrainingResult]) {
    guard !results.isEmpty else { return nil }
    runs = results.count
    testAtBestDev = Self.meanAndSD(results.map(\.testAccuracyAtBestDev))
    finalTest = Self.meanAndSD(results.map(\.finalTestAccuracy))
    let epochs = results.reduce(0) { $0 + $1.epochs.count }
    backwardSecondsPerEpoch = results.reduce(0) { $0 + $1.totalBackwardSeconds } / Double(max(epochs, 1))
  }

  static func meanAndSD(_ values: [Double]) -> (mean: Double, sd: Double) {
    let mean = values.reduce(0, +) / Double(values.count)
    guard values.count > 1 else { return (mean, 0) }
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (mean, (squares / Double(values.count - 1)).squareRoot())
  }

  public static func == (a: SeedSummary, b: SeedSummary) -> Bool {
    a.runs == b.runs && a.testAtBestDev == b.testAtBestDev && a.finalTest == b.finalTest
      && a.backwardSecondsPerEpoch == b.backwardSecondsPerEpoch
  }
}
