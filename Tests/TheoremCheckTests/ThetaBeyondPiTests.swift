import Foundation
import Testing
@testable import TheoremCheckCore

/// Automatic θ when δ + φ > π: there is no such θ, and the reports must say so instead of
/// printing the placeholder π's cosine (-1) and sine (0) as if they were θ's.
@Suite struct ThetaBeyondPiTests {
  /// g = (1, -1) against the gradient at w = 0, A (0 - w*) = (-3/2, 5/2): cos δ ≈ -0.97, so
  /// δ ≈ 166° and δ + φ ≈ 207.6° > 180°.
  let json = """
    {"A": [["2", "1/2"], ["1/2", "3"]], "minimizer": ["1", "-1"], "start": ["0", "0"],
     "estimator": {"kind": "given", "g": [["1","-1"]]}, "theta": "auto", "steps": 1}
    """

  func run() throws -> CheckRun {
    try CheckRunner.run(try ProblemDecoder().decode(bytes: Array(json.utf8)))
  }

  @Test func theReportFlagsIt() throws {
    let r = try #require(try run().steps.first?.report)
    #expect(r.automaticThetaExceedsPi)
    #expect(!r.hypothesisHolds)
  }

  @Test func textSaysNoThetaAndPrintsNoPlaceholder() throws {
    let text = try run().textReport(ReportOptions())
    #expect(text.contains("delta + phi > pi"))
    let stepLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("0 ") })
    #expect(stepLine.contains("none"), "\(stepLine)")
    #expect(!stepLine.contains("-1.000000"), "\(stepLine)")
  }

  @Test func jsonHasNullThetaValues() throws {
    let data = Data(JSONWriter.write(try run().jsonReport(ReportOptions())).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let step = try #require((object["steps"] as? [[String: Any]])?.first)
    #expect(step["cosTheta"] is NSNull)
    #expect(step["sinThetaSquared"] is NSNull)
    #expect((step["remark"] as? String)?.contains("delta + phi > pi") == true)
  }

  /// The flag is off for an ordinary automatic θ (the fixture's top-k run).
  @Test func ordinaryAutomaticThetaIsNotFlagged() throws {
    let ordinary = json.replacingOccurrences(of: #"{"kind": "given", "g": [["1","-1"]]}"#, with: #"{"kind": "exact"}"#)
    let run = try CheckRunner.run(try ProblemDecoder().decode(bytes: Array(ordinary.utf8)))
    let r = try #require(run.steps.first?.report)
    #expect(!r.automaticThetaExceedsPi && r.hypothesisHolds)
  }
}
