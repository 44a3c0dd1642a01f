import Foundation

/// Text and CSV views of claim instances: per measure and part, in how many instances the
/// claim holds, and the instances where it does not.
public enum ClaimTable {
  /// One line per (measure, part): holds in n/N, mean SBP and MSBP angles; then every
  /// refuted instance.
  public static func render(_ claims: [ClaimInstance]) -> String {
    var text = "claim: mean MSBP angle < mean SBP angle (degrees, averaged over each run)\n"
    let groups = Dictionary(grouping: claims) { "\($0.measure.rawValue) \($0.part)" }
    for key in groups.keys.sorted() {
      let g = groups[key]!
      let holds = g.filter(\.holds).count
      let s = g.map(\.sbpMean).reduce(0, +) / Double(g.count)
      let m = g.map(\.msbpMean).reduce(0, +) / Double(g.count)
      text += String(format: "  %-22@ holds in %3d/%-3d  mean SBP %6.2f  mean MSBP %6.2f\n", key as NSString, holds, g.count, s, m)
    }
    let refuted = claims.filter { !$0.holds }
    if !refuted.isEmpty {
      text += "refuted instances:\n"
      for c in refuted {
        text += String(format: "  %@: SBP %.3f, MSBP %.3f\n", c.name as NSString, c.sbpMean, c.msbpMean)
      }
    }
    return text
  }

  /// `network,k,gamma,seed,measure,part,sbp_mean_deg,msbp_mean_deg,holds`.
  public static func csv(_ claims: [ClaimInstance]) -> String {
    var text = "network,k,gamma,seed,measure,part,sbp_mean_deg,msbp_mean_deg,holds\n"
    for c in claims {
      text += "\(c.network),\(c.k),\(c.gamma),\(c.seed),\(c.measure.rawValue),\(c.part),\(c.sbpMean),\(c.msbpMean),\(c.holds)\n"
    }
    return text
  }
}
