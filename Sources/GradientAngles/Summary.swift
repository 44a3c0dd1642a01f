/// Running mean, spread and range of a series of measurements (Welford's algorithm, so the
/// spread of a long run is computed without cancellation).
public struct Summary: Sendable, Equatable, Codable {
  /// The number of values recorded.
  public private(set) var count: Int = 0
  /// The number of undefined values (e.g. the angle of a zero vector) left out.
  public private(set) var skipped: Int = 0
  /// The mean (NaN when empty).
  public private(set) var mean: Double = .nan
  /// The smallest value (NaN when empty).
  public private(set) var minimum: Double = .nan
  /// The largest value (NaN when empty).
  public private(set) var maximum: Double = .nan
  private var m2: Double = 0

  /// An empty summary.
  public init() {}

  /// A summary of `values`.
  public init(_ values: some Sequence<Double>) {
    for v in values { record(v) }
  }

  /// Adds a value; `nil` counts as skipped.
  public mutating func record(_ value: Double?) {
    guard let x = value else {
      skipped += 1
      return
    }
    count += 1
    if count == 1 {
      mean = x
      minimum = x
      maximum = x
      m2 = 0
      return
    }
    let delta = x - mean
    mean += delta / Double(count)
    m2 += delta * (x - mean)
    minimum = Swift.min(minimum, x)
    maximum = Swift.max(maximum, x)
  }

  /// The sample standard deviation (divisor `count - 1`; 0 for one value, NaN when empty).
  public var standardDeviation: Double {
    count == 0 ? .nan : (count == 1 ? 0 : (m2 / Double(count - 1)).squareRoot())
  }

  /// The population standard deviation (divisor `count`; NaN when empty).
  public var populationStandardDeviation: Double {
    count == 0 ? .nan : (m2 / Double(count)).squareRoot()
  }

  /// The standard error of the mean, `sd / sqrt(count)` (NaN with fewer than two values).
  public var standardError: Double {
    count < 2 ? .nan : standardDeviation / Double(count).squareRoot()
  }

  private enum CodingKeys: String, CodingKey {
    case count, skipped, mean, minimum, maximum, standardDeviation
  }

  /// Encodes count, skipped, mean, range and sample standard deviation.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(count, forKey: .count)
    try c.encode(skipped, forKey: .skipped)
    try c.encode(mean, forKey: .mean)
    try c.encode(minimum, forKey: .minimum)
    try c.encode(maximum, forKey: .maximum)
    try c.encode(standardDeviation, forKey: .standardDeviation)
  }

  /// Decodes what ``encode(to:)`` wrote; the spread is restored from the standard deviation.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    count = try c.decode(Int.self, forKey: .count)
    skipped = try c.decode(Int.self, forKey: .skipped)
    mean = try c.decode(Double.self, forKey: .mean)
    minimum = try c.decode(Double.self, forKey: .minimum)
    maximum = try c.decode(Double.self, forKey: .maximum)
    let sd = try c.decode(Double.self, forKey: .standardDeviation)
    m2 = count > 1 ? sd * sd * Double(count - 1) : 0
  }
}
