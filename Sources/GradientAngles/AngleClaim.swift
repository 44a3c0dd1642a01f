import SparseNetworks

/// One instance of the paper's claim (Sections 4 and 5.4, Figure 3): "for the same k, the
/// gradient estimation angles in MSBP are smaller than that in SBP", i.e. the mean MSBP angle
/// over a run is below the mean SBP angle, for one configuration, seed, angle measure and part
/// of the parameter vector.
public struct ClaimInstance: Sendable, Codable, Equatable {
  /// The network recipe's name.
  public var network: String
  /// Units kept per example.
  public var k: Int
  /// MSBP's memory ratio.
  public var gamma: Float
  /// The seed of both runs.
  public var seed: UInt64
  /// The angle measure.
  public var measure: AngleMeasure
  /// The part of the parameter vector.
  public var part: ParameterPart
  /// Mean SBP angle in degrees.
  public var sbpMean: Double
  /// Mean MSBP angle in degrees.
  public var msbpMean: Double
  /// Whether `msbpMean < sbpMean` (the claim).
  public var holds: Bool { msbpMean < sbpMean }

  /// An instance from its parts.
  public init(
    network: String, k: Int, gamma: Float, seed: UInt64, measure: AngleMeasure, part: ParameterPart,
    sbpMean: Double, msbpMean: Double
  ) {
    self.network = network
    self.k = k
    self.gamma = gamma
    self.seed = seed
    self.measure = measure
    self.part = part
    self.sbpMean = sbpMean
    self.msbpMean = msbpMean
  }

  /// A name for the configuration, e.g. `digits-mlp k=8 gamma=0.8 seed=1 run-time whole`.
  public var name: String { "\(network) k=\(k) gamma=\(gamma) seed=\(seed) \(measure.rawValue) \(part)" }
}

/// Turns an SBP run and an MSBP run (same network, k and seed) into claim instances.
public enum AngleClaim {
  /// The instances for every hidden layer, the whole parameter vector, and every measure both
  /// runs have:
  /// - run-time: mean angle of the MSBP run's estimates vs the SBP run's (two trajectories);
  /// - paired: along the MSBP run, `top_k(dl/dh + m)` vs `top_k(dl/dh)` from the same states;
  /// - dataset: each run's update direction against the dataset gradient (two trajectories).
  public static func instances(
    network: String, k: Int, gamma: Float, seed: UInt64, sbp: AngleRunResult, msbp: AngleRunResult
  ) -> [ClaimInstance] {
    var out = [ClaimInstance]()
    // The output layer always backpropagates densely: its estimate is the true gradient
    // under both methods (angle 0 for both), so it is no instance of the claim.
    let layerCount = msbp.angles.keys.compactMap { if case .layer(let l) = $0.part { l } else { nil } }.max() ?? 0
    let parts = Set(msbp.angles.keys.map(\.part)).filter { $0 != .layer(layerCount) }.sorted()
    for measure in AngleMeasure.allCases {
      for part in parts {
        let pair: (Summary?, Summary?) = switch measure {
        case .runTime: (sbp.angles[.runTime, .sbp, part], msbp.angles[.runTime, .msbp, part])
        case .paired: (msbp.angles[.paired, .sbp, part], msbp.angles[.paired, .msbp, part])
        case .dataset: (sbp.angles[.dataset, .sbp, part], msbp.angles[.dataset, .msbp, part])
        }
        guard let s = pair.0, let m = pair.1, s.count > 0, m.count > 0 else { continue }
        out.append(ClaimInstance(
          network: network, k: k, gamma: gamma, seed: seed, measure: measure, part: part,
          sbpMean: s.mean, msbpMean: m.mean))
      }
    }
    return out
  }
}
