/// Collects the angle series of a run: one ``Summary`` per ``SeriesKey``.
public struct AngleRecorder: Sendable, Equatable {
  /// Every series recorded so far.
  public private(set) var series: [SeriesKey: Summary] = [:]

  /// An empty recorder.
  public init() {}

  /// Records every part of `angles` under `measure` and `estimator`.
  public mutating func record(_ measure: AngleMeasure, _ estimator: Estimator, _ angles: ParameterAngles) {
    for part in angles.parts {
      series[SeriesKey(measure, estimator, part), default: Summary()].record(angles[part])
    }
  }

  /// Records the per-step differences `a - b` (part by part; undefined where either is).
  public mutating func recordDifference(
    _ measure: AngleMeasure, _ estimator: Estimator, _ a: ParameterAngles, _ b: ParameterAngles
  ) {
    for part in a.parts {
      let d: Double? = if let x = a[part], let y = b[part] { x - y } else { nil }
      series[SeriesKey(measure, estimator, part), default: Summary()].record(d)
    }
  }

  /// The summary of one series (`nil` if never recorded).
  public subscript(_ measure: AngleMeasure, _ estimator: Estimator, _ part: ParameterPart) -> Summary? {
    series[SeriesKey(measure, estimator, part)]
  }

  /// The keys in order.
  public var keys: [SeriesKey] { series.keys.sorted() }
}
