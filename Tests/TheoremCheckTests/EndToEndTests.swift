import ExactArithmetic
import Foundation
import MSBPTestSupport
import Testing
import TheoremCheckCore

/// The built executable on the shipped fixtures: exit codes, outputs, and the
/// numbers it prints against values computed independently here.
@Suite struct EndToEndTests {
  // MARK: Helpers

  func rational(_ box: JSONValueBox?) throws -> Rational {
    let text = try #require(box?.string)
    return try Rational(parsing: text)
  }

  func decimal(_ box: JSONValueBox?) throws -> Double {
    let text = try #require(box?.string)
    return try #require(Double(text))
  }

  /// mu <= lambda_min <= mu (1 + 2^-30) and L (1 - 2^-30) <= lambda_max <= L: certified and within the gap.
  func expectCertified(_ doc: JSONValueBox, lambdaMin: Rational, lambdaMax: Rational) throws {
    let mu = try rational(doc["mu"])
    let L = try rational(doc["L"])
    let gap = Rational(1) / Rational(1 << 30)
    #expect(mu <= lambdaMin && lambdaMin <= mu * (Rational(1) + gap), "mu = \(mu), lambda_min = \(lambdaMin)")
    #expect(L >= lambdaMax && lambdaMax >= L * (Rational(1) - gap), "L = \(L), lambda_max = \(lambdaMax)")
  }

  func doubles(_ rows: [[Rational]]) -> [[Double]] { rows.map { $0.map(\.doubleValue) } }

  func fixtureDocument(_ name: String) throws -> JSONValueBox {
    try JSONValueBox(String(contentsOfFile: Repository.quadratic(name), encoding: .utf8))
  }

  func rationals(_ box: JSONValueBox?) throws -> [Rational] {
    try #require(box?.array).map { try rational($0) }
  }

  /// Compares the tool's steps with the floating-point reference wherever
  /// the reference's decision has a clear margin.
  func expectMatchesReference(_ doc: JSONValueBox, _ reference: [DoubleReference.Step]) throws {
    let steps = try #require(doc["steps"]?.array)
    #expect(steps.count == reference.count)
    for (step, ref) in zip(steps, reference) {
      let t = step["t"]?.int ?? -1
      #expect(abs(try decimal(step["cosDeltaDecimal"]) - ref.cosDelta) <= 2e-6, "step \(t)")
      if abs(ref.hypothesisMargin) > 1e-9 {
        #expect(step["hypothesisHolds"]?.bool == ref.hypothesisHolds, "step \(t)")
      }
      if let eta = ref.eta {
        #expect(abs(try decimal(step["etaDecimal"]) - eta) <= 2e-6 * max(1, eta), "step \(t)")
      }
      if let ratio = ref.ratio {
        #expect(abs(try decimal(step["contractionSquaredDecimal"]) - ratio) <= 2e-6, "step \(t)")
        #expect(abs(try decimal(step["sinThetaSquaredDecimal"]) - ref.sinThetaSquared) <= 2e-6, "step \(t)")
      }
      // Theorem 1 itself: wherever the hypothesis holds, so does the conclusion.
      if step["hypothesisHolds"]?.bool == true {
        #expect(step["conclusionHolds"]?.bool == true, "step \(t)")
      }
    }
  }

  // MARK: The README's main command

  @Test func twoByTwoMatchesClosedForms() throws {
    let (result, doc) = try Executable.runJSON([Repository.quadratic("two-by-two.json")])
    #expect(result.exitCode == 0, "\(result.standardError)")
    // Eigenvalues of [[2, 1/2], [1/2, 3]] are (5 -+ sqrt(2))/2: decide mu <= (5 - sqrt 2)/2
    // as 5 - 2 mu >= sqrt 2, i.e. 5 - 2 mu >= 0 and (5 - 2 mu)^2 >= 2, and so on.
    let mu = try rational(doc["mu"])
    let L = try rational(doc["L"])
    let five = Rational(5)
    let two = Rational(2)
    #expect(five - two * mu >= 0 && (five - two * mu) * (five - two * mu) >= two)
    #expect(two * L - five >= 0 && (two * L - five) * (two * L - five) >= two)
    let relaxed = mu * (Rational(1) + Rational(1) / Rational(1 << 29))
    #expect(five - two * relaxed <= 0 || (five - two * relaxed) * (five - two * relaxed) <= two, "gap not met")

    // Step 0 by hand: grad = A (0 - w*) = (-3/2, 5/2), top_1 keeps (0, 5/2);
    // cos(delta) = 5/sqrt(34); eta = (1/10) sqrt(2) / (5/2) = sqrt(2)/25;
    // ratio = 1 - sqrt(2)/10 + 1/100; sin^2(theta) = 99/100.
    let step0 = try #require(doc["steps"]?[0])
    #expect(step0["cosDeltaDecimal"]?.string == String(format: "%.6f", 5 / 34.0.squareRoot()))
    #expect(step0["etaDecimal"]?.string == String(format: "%.6f", 2.0.squareRoot() / 25))
    #expect(step0["contractionSquaredDecimal"]?.string == String(format: "%.6f", 1.01 - 2.0.squareRoot() / 10))
    #expect(step0["sinThetaSquared"]?.string == "99/100")
    #expect(step0["hypothesisHolds"]?.bool == true)
    #expect(step0["conclusionHolds"]?.bool == true)
    // The rational step taken is within 2^-60 (relative) of sqrt(2)/25.
    let taken = try rational(step0["etaTaken"])
    let squared = taken * taken * Rational(625)
    #expect(abs(squared.doubleValue - 2) < 1e-15)

    let lMin = (5 - 2.0.squareRoot()) / 2
    let lMax = (5 + 2.0.squareRoot()) / 2
    let reference = DoubleReference.run(
      a: [[2, 0.5], [0.5, 3]], minimizer: [1, -1], start: [0, 0], lambdaMin: lMin, lambdaMax: lMax,
      estimator: .topK(1), theta: .cos(0.1), steps: 10)
    try expectMatchesReference(doc, reference)
    #expect(doc["summary"]?["hypothesisHeld"]?.int == reference.filter(\.hypothesisHolds).count)
    #expect(doc["verdict"]?.string == "holds")
  }

  @Test func textReportOfTheMainCommand() throws {
    let result = try Executable.run([Repository.quadratic("two-by-two.json")])
    #expect(result.exitCode == 0)
    #expect(result.standardError.isEmpty)
    let out = result.standardOutput
    #expect(out.contains("cos(phi) = sqrt(mu/L) = 0.747688"))  // sqrt((5 - sqrt 2)/(5 + sqrt 2))
    #expect(String(format: "%.6f", ((5 - 2.0.squareRoot()) / (5 + 2.0.squareRoot())).squareRoot()) == "0.747688")
    #expect(out.contains("summary: the hypothesis held in"))
    #expect(out.contains("verdict: every checked conclusion holds (exit 0)"))
    let exact = try Executable.run([Repository.quadratic("two-by-two.json"), "--exact", "--digits", "3"])
    #expect(exact.standardOutput.contains("sin^2(theta) = 99/100"))
    #expect(exact.standardOutput.contains("0.857 "))
  }

  // MARK: Constructed fixtures

  @Test(arguments: [
    "ill-conditioned.json", "sixty-four.json", "hypothesis-fails-sometimes.json", "linear-term-b.json",
    "estimator-exact.json",
  ])
  func constructedFixtureMatchesItsConstruction(name: String) throws {
    let construction = try #require(Construction.fixtures[name])
    let input = try fixtureDocument(name)
    let rows = try #require(input["A"]?.array).map { try rationals($0) }
    #expect(rows == construction.matrix, "the fixture is not the documented construction")

    let (result, doc) = try Executable.runJSON([Repository.quadratic(name)])
    #expect(result.exitCode == 0, "\(result.standardError)")
    try expectCertified(doc, lambdaMin: construction.lambdaMin, lambdaMax: construction.lambdaMax)

    // The minimizer: given, or A^-1 b (check A w* = b exactly).
    let minimizer = try rationals(doc["minimizer"])
    if let b = input["b"] {
      let bValues = try rationals(b)
      for i in rows.indices {
        var sum = Rational(0)
        for j in rows.indices { sum += rows[i][j] * minimizer[j] }
        #expect(sum == bValues[i])
      }
    } else {
      #expect(minimizer == (try rationals(input["minimizer"])))
    }

    let estimatorKind = input["estimator"]?["kind"]?.string
    let estimator: DoubleReference.Estimator = estimatorKind == "topk" ? .topK(input["estimator"]?["k"]?.int ?? 0) : .exact
    let theta: DoubleReference.Theta
    if let c = input["theta"]?["cos"] {
      theta = .cos(try rational(c).doubleValue)
    } else if let s = input["theta"]?["sin"] {
      theta = .sin(try rational(s).doubleValue)
    } else {
      theta = .auto
    }
    let reference = DoubleReference.run(
      a: doubles(rows), minimizer: minimizer.map(\.doubleValue), start: try rationals(input["start"]).map(\.doubleValue),
      lambdaMin: construction.lambdaMin.doubleValue, lambdaMax: construction.lambdaMax.doubleValue,
      estimator: estimator, theta: theta, steps: input["steps"]?.int ?? 1)
    try expectMatchesReference(doc, reference)
  }

  @Test func hypothesisFailsAtSomeStepsButNotAll() throws {
    let (result, doc) = try Executable.runJSON([Repository.quadratic("hypothesis-fails-sometimes.json")])
    #expect(result.exitCode == 0)
    let flags = try #require(doc["steps"]?.array).map { $0["hypothesisHolds"]?.bool }
    #expect(flags.contains(true) && flags.contains(false))
  }

  @Test func givenEstimatorMatchesHandComputation() throws {
    let (result, doc) = try Executable.runJSON([Repository.quadratic("estimator-given.json")])
    #expect(result.exitCode == 0)
    try expectCertified(doc, lambdaMin: 2, lambdaMax: 4)
    // Step 0: g_0 is the true gradient (3, 1): delta = 0, so cos(delta) is exactly 1.
    #expect(doc["steps"]?[0]?["cosDelta"]?.string == "1")
    let reference = DoubleReference.run(
      a: [[3, 1], [1, 3]], minimizer: [0, 0], start: [1, 0], lambdaMin: 2, lambdaMax: 4,
      estimator: .given([[3, 1], [1, 0], [1, 0.5]]), theta: .cos(0.5), steps: 3)
    try expectMatchesReference(doc, reference)
  }

  @Test func randomKIsReproducibleAndConsistent() throws {
    let first = try Executable.run([Repository.quadratic("estimator-randomk.json"), "--json"])
    let second = try Executable.run([Repository.quadratic("estimator-randomk.json"), "--json"])
    #expect(first.exitCode == 0)
    #expect(first.standardOutput == second.standardOutput, "same seed, same run")
    let doc = try JSONValueBox(first.standardOutput)
    let construction = try #require(Construction.fixtures["estimator-randomk.json"])
    try expectCertified(doc, lambdaMin: construction.lambdaMin, lambdaMax: construction.lambdaMax)
    for step in try #require(doc["steps"]?.array) where step["hypothesisHolds"]?.bool == true {
      #expect(step["conclusionHolds"]?.bool == true)
      // 0 < cos(delta) <= 1 for a random-k estimate of a non-zero gradient it keeps.
      let c = try decimal(step["cosDeltaDecimal"])
      #expect(c > 0 && c <= 1)
    }
  }

  // MARK: JSON schema

  @Test func jsonSchemaHasTheDocumentedFields() throws {
    let (_, doc) = try Executable.runJSON([Repository.quadratic("two-by-two.json")])
    let fraction = #/^-?[0-9]+(/[0-9]+)?$/#
    for key in ["mu", "L"] {
      let text = try #require(doc[key]?.string)
      #expect(text.wholeMatch(of: fraction) != nil, "\(key) = \(text) is not p/q")
    }
    for step in try #require(doc["steps"]?.array) {
      for key in ["hypothesisHolds", "conclusionHolds"] { #expect(step[key]?.bool != nil, "\(key)") }
      for key in ["eta", "contractionSquared", "sinThetaSquared", "cosDelta"] { #expect(step[key]?.string != nil, "\(key)") }
      #expect(try #require(step["etaTaken"]?.string).wholeMatch(of: fraction) != nil)
      #expect(try #require(step["sinThetaSquared"]?.string).wholeMatch(of: fraction) != nil)
    }
    #expect(["holds", "counterexample"].contains(doc["verdict"]?.string ?? ""))
  }

  // MARK: Bad input: exit 2, named precisely

  @Test(arguments: [
    ("malformed-json.json", "malformedJSON"), ("not-exact-rational.json", "notExactRational"),
    ("float-literal.json", "floatLiteral"), ("schema-unknown-key.json", "schema"), ("not-square.json", "notSquare"),
    ("not-symmetric.json", "notSymmetric"), ("not-positive-definite.json", "notPositiveDefinite"),
    ("dimension-mismatch.json", "dimensionMismatch"), ("k-out-of-range.json", "kOutOfRange"),
    ("theta-not-below-half-pi.json", "thetaNotBelowHalfPi"), ("already-optimal.json", "alreadyOptimal"),
    ("steps-not-positive-integer.json", "stepsNotPositiveInteger"), ("limit-exceeded.json", "limitExceeded"),
    ("unreadable-directory.json", "fileUnreadable"), ("no-such-file.json", "fileMissing"),
  ])
  func invalidInputExitsWithTwo(file: String, errorClass: String) throws {
    let path = Repository.invalid(file)
    let text = try Executable.run([path])
    #expect(text.exitCode == 2)
    #expect(text.standardOutput.isEmpty)
    #expect(text.standardError.hasPrefix("theorem-check: error: \(path)"), "\(text.standardError)")
    let (json, doc) = try Executable.runJSON([path])
    #expect(json.exitCode == 2)
    #expect(doc["verdict"]?.string == "bad-input")
    #expect(doc["error"]?["class"]?.string == errorClass, "\(json.standardOutput)")
  }

  @Test func notPositiveDefiniteCertificateIsCheckable() throws {
    let result = try Executable.run([Repository.invalid("not-positive-definite.json")])
    #expect(result.exitCode == 2)
    // A = [[1, 2], [2, 1]]: the order-2 leading minor is 1 - 4 = -3, and for v = (-2, 1),
    // v^T A v = 4 - 4 - 4 + 1 = -3.
    #expect(result.standardError.contains("leading principal minor of order 2 is -3"))
    #expect(result.standardError.contains("v^T A v = -3"))
    #expect(result.standardError.contains("v = [-2, 1]"))
  }

  @Test func alreadyOptimalSaysSo() throws {
    let result = try Executable.run([Repository.invalid("already-optimal.json")])
    #expect(result.exitCode == 2)
    #expect(result.standardError.contains("already optimal"))
  }

  @Test func floatLiteralSaysQuoteIt() throws {
    let result = try Executable.run([Repository.invalid("float-literal.json")])
    #expect(result.standardError.contains("quote it: \"0.5\""))
    #expect(result.standardError.contains(":2:15 in A[0][1]:"))  // `  "A": [["2", 0.5]`: 0.5 starts at column 15
  }

  @Test func endlessFileIsTooLarge() throws {
    guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
    let (result, doc) = try Executable.runJSON(["/dev/zero"])
    #expect(result.exitCode == 2)
    #expect(doc["error"]?["class"]?.string == "fileTooLarge")
  }

  @Test func readsStandardInput() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Repository.quadratic("estimator-exact.json")))
    let result = try Executable.run(["-"], standardInput: data)
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("verdict: every checked conclusion holds"))
  }

  @Test(arguments: [
    [String](), ["check"], ["a.json", "b.json"], ["--bogus", "x.json"], ["x.json", "--digits"],
    ["x.json", "--digits", "-1"], ["topk-bound", "--k", "1"], ["topk-bound", "--vector", "1,2"],
    ["topk-bound", "--vector", "1,,2", "--k", "1"], ["topk-bound", "--vector", "1,2", "--k", "3"],
    ["topk-bound", "--vector", "1,0.5.5", "--k", "1"], ["topk-bound", "--vector", "1,2", "--k", "1", "--kind", "randomk"],
    ["conditioning"], ["mlp-ratio", "--rho", "2", "--layers", "2"], ["mlp-ratio", "--rho", "1", "--layers", "2", "--theta-cos", "1/2"],
    ["mlp-ratio", "--rho", "2", "--layers", "2", "--theta-cos", "1"], ["claims", "extra"],
  ])
  func badCommandLinesExitWithTwo(arguments: [String]) throws {
    let result = try Executable.run(arguments)
    #expect(result.exitCode == 2, "\(arguments): \(result.standardOutput) \(result.standardError)")
    #expect(!result.standardError.isEmpty)
  }

  @Test(arguments: ["check", "topk-bound", "conditioning", "mlp-ratio", "claims"])
  func everySubcommandHasHelp(subcommand: String) throws {
    let result = try Executable.run([subcommand, "--help"])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.contains("USAGE: theorem-check"))
    #expect(result.standardOutput.contains(subcommand == "check" ? "[check]" : subcommand))
  }

  @Test func topLevelHelp() throws {
    let result = try Executable.run(["--help"])
    #expect(result.exitCode == 0)
    for sub in ["topk-bound", "conditioning", "mlp-ratio", "claims", "EXIT CODES"] {
      #expect(result.standardOutput.contains(sub))
    }
  }

  // MARK: Other subcommands

  @Test func topKBoundHoldsWithTheExactShare() throws {
    // v = (3, -4, 0, 1), k = 2: top_2 keeps 3 and -4, share (9 + 16) / 26 = 25/26 >= 2/4.
    let (result, doc) = try Executable.runJSON(["topk-bound", "--vector", "3,-4,0,1", "--k", "2"])
    #expect(result.exitCode == 0)
    #expect(doc["keptEnergyShare"]?.string == "25/26")
    #expect(doc["selected"]?.array?.compactMap(\.int) == [0, 1])
    #expect(doc["holds"]?.bool == true)
  }

  /// A report that cannot be written is not a success: /dev/full makes every write fail.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func unwritableOutputExitsWithThree() throws {
    let process = Process()
    process.executableURL = BuiltExecutable.url("theorem-check")
    process.arguments = ["--json", Repository.quadratic("two-by-two.json")]
    process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let err = Pipe()
    process.standardError = err
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 3, "\(message)")
    #expect(message.contains("could not write standard output"), "\(message)")
  }

  /// v = 0: the kept share 0/0 is printed as undefined, not as a number.
  @Test func topKBoundOnTheZeroVectorSaysUndefined() throws {
    let result = try Executable.run(["topk-bound", "--vector", "0,0,0", "--k", "1"])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.contains("undefined (v = 0)"), "\(result.standardOutput)")
    #expect(!result.standardOutput.contains("||v||^2 = "), "\(result.standardOutput)")
  }

  @Test func randomKCanViolateDefinition3AndExitsWithOne() throws {
    // v = (1, 0): random_1 keeps index 1 for some seed, so the kept share is 0 < 1/2.
    // Find such a seed by running the tool itself on seeds 0, 1, 2, ... and
    // check that exactly the draws that drop the 1 fail.
    var sawFailure = false
    for seed in 0..<16 {
      let (result, doc) = try Executable.runJSON(["topk-bound", "--vector", "1,0", "--k", "1", "--kind", "randomk", "--seed", "\(seed)"])
      let selected = doc["selected"]?.array?.compactMap(\.int)
      if selected == [1] {
        sawFailure = true
        #expect(result.exitCode == 1)
        #expect(doc["keptEnergyShare"]?.string == "0")
        #expect(doc["verdict"]?.string == "counterexample")
        let text = try Executable.run(["topk-bound", "--vector", "1,0", "--k", "1", "--kind", "randomk", "--seed", "\(seed)"])
        #expect(text.standardOutput.contains("COUNTEREXAMPLE"))
        #expect(text.standardOutput.contains("v = [1, 0]"))
        break
      } else {
        #expect(selected == [0])
        #expect(result.exitCode == 0)
      }
    }
    #expect(sawFailure, "no seed in 0..<16 drew index 1")
  }

  @Test func conditioningOfAKnownSpectrum() throws {
    // estimator-exact.json's A has eigenvalues 1 and 4, so A A^T = A^2 has 1 and 16: rho = 16.
    let (result, doc) = try Executable.runJSON(["conditioning", Repository.quadratic("estimator-exact.json")])
    #expect(result.exitCode == 0, "\(result.standardError)")
    let rho = try rational(doc["rho"])
    #expect(rho >= 16 && rho <= Rational(16) * (Rational(1) + Rational(1) / Rational(1 << 27)))
    // A rectangular W = [[1, 0, 0], [0, 2, 0]]: W W^T = diag(1, 4), rho = 4.
    let path = try temporaryFile(Array(#"[["1", "0", "0"], ["0", "2", "0"]]"#.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (wide, wideDoc) = try Executable.runJSON(["conditioning", path])
    #expect(wide.exitCode == 0)
    let wideRho = try rational(wideDoc["rho"])
    #expect(wideRho >= 4 && wideRho <= Rational(4) * (Rational(1) + Rational(1) / Rational(1 << 27)))
    // Tall (3 x 2): W W^T is singular, Lemma D.2 does not apply.
    let tall = try temporaryFile(Array(#"{"A": [["1", "0"], ["0", "1"], ["1", "1"]]}"#.utf8))
    defer { try? FileManager.default.removeItem(atPath: tall) }
    let (tallResult, tallDoc) = try Executable.runJSON(["conditioning", tall])
    #expect(tallResult.exitCode == 2)
    #expect(tallDoc["error"]?["class"]?.string == "notPositiveDefinite")
  }

  @Test func mlpRatioBracketsTheClosedFormRoot() throws {
    // rho = 2, N = 2, cos(theta) = 1/2: f(r) = min(1/2, 1/2) - (1 - sqrt r + sqrt(1 - r)) > 0
    // iff sqrt r - sqrt(1 - r) > 1/2, whose root is r* = ((1/2 + sqrt(7/4)) / 2)^2.
    let (result, doc) = try Executable.runJSON(["mlp-ratio", "--rho", "2", "--layers", "2", "--theta-cos", "1/2"])
    #expect(result.exitCode == 0, "\(result.standardError)")
    let root = ((0.5 + 1.75.squareRoot()) / 2) * ((0.5 + 1.75.squareRoot()) / 2)
    let certified = try rational(doc["certifiedRatio"]).doubleValue
    let rejected = try rational(doc["rejectedRatio"]).doubleValue
    #expect(rejected <= root && root <= certified, "\(rejected) <= \(root) <= \(certified)")
    #expect(certified - rejected < 1e-5)
  }

  @Test func claimsPrintsTheLedger() throws {
    let result = try Executable.run(["claims"])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.hasPrefix("# Claims ledger"))
    let (json, doc) = try Executable.runJSON(["claims"])
    #expect(json.exitCode == 0)
    let rows = try #require(doc["claims"]?.array)
    #expect(!rows.isEmpty)
    // Every row of the JSON appears in the Markdown ledger.
    for row in rows {
      let id = try #require(row["id"]?.string)
      #expect(result.standardOutput.contains(id), "\(id)")
    }
  }
}
