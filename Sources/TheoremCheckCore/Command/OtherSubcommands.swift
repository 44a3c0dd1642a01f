import ExactArithmetic
import ExactLinearAlgebra
import MSBPTheory

extension TheoremCheck {
  /// `theorem-check topk-bound`: Definition 3's bound for one vector and k,
  /// for top_k (Lemma D.3 says it always holds) or random_k (it need not).
  public static func topKBound(vectorText: String, kText: String, kind: String, seedText: String?, json: Bool) -> CommandOutput {
    do throws(InputError) {
      let v = try parseVector(vectorText, option: "--vector")
      let k = try parseInteger(kText, what: "--k", range: 0...v.count, errorClass: .kOutOfRange)
      let report: Definition3Report
      switch kind {
      case "topk":
        guard seedText == nil else { throw InputError(.usage, "--seed only applies to --kind randomk") }
        report = try definition3 { try checkDefinition3(TopK(), on: v, k: k) }
      case "randomk":
        guard let seedText, let seed = UInt64(seedText) else {
          throw InputError(.usage, "--kind randomk needs --seed, an integer from 0 to \(UInt64.max)")
        }
        report = try definition3 { try checkDefinition3(RandomK(seed: seed), on: v, k: k) }
      default:
        throw InputError(.usage, "--kind must be topk or randomk, got '\(kind)'")
      }
      let exit: ExitCode = report.holds ? .success : .claimFailed
      let ratio = Rational(k) / Rational(v.count)
      if json {
        let document = JSONValue.object(ordered: [
          ("function", .string(report.functionName)),
          ("n", .integer(report.n)),
          ("k", .integer(report.k)),
          ("vector", .array(values: v.map { .string($0.description) })),
          ("selected", .array(values: report.selected.map { .integer($0) })),
          ("case", .string(report.settledCase.rawValue)),
          ("keptEnergyShare", .string(report.keptEnergyShare.description)),
          ("sparseRatio", .string(ratio.description)),
          ("cosAngle", report.angle.map { .string($0.cosine.description) } ?? .null),
          ("cosBound", .string(report.bound.cosine.description)),
          ("holds", .bool(report.holds)),
          ("verdict", .string(report.holds ? "holds" : "counterexample")),
        ])
        return CommandOutput(standardOutput: JSONWriter.write(document) + "\n", exitCode: exit)
      }
      var lines = [
        "Definition 3 for \(report.functionName) on v = [\(v.map(\.description).joined(separator: ", "))], n = \(report.n), k = \(report.k)",
        "kept indices: \(report.selected.map(String.init).joined(separator: ", "))",
        report.settledCase == .zeroInput
          ? "||S(v)||^2 / ||v||^2: undefined (v = 0)  vs  k/n = \(ratio)"
          : "||S(v)||^2 / ||v||^2 = \(report.keptEnergyShare)  vs  k/n = \(ratio)",
      ]
      switch report.settledCase {
      case .regular:
        lines.append("cos<S(v), v> = \(report.angle!.cosine) = \(Decimals.rounded(report.angle!.cosine, digits: defaultDigits))")
      case .zeroInput:
        lines.append("v = 0: every angle with v is undefined; the bound holds vacuously")
      case .zeroOutput:
        lines.append("S(v) = 0: the angle is undefined; decided by the energy form ||S(v)||^2 >= (k/n) ||v||^2")
      }
      lines.append("bound: cos(arccos sqrt(k/n)) = \(report.bound.cosine) = \(Decimals.rounded(report.bound.cosine, digits: defaultDigits))")
      lines.append(report.holds
        ? "verdict: <S(v), v> <= arccos(sqrt(k/n)) holds (exit 0)"
        : "verdict: COUNTEREXAMPLE to Definition 3's bound for \(report.functionName): the kept share \(report.keptEnergyShare) < k/n = \(ratio) (exit 1)")
      return CommandOutput(standardOutput: lines.joined(separator: "\n") + "\n", exitCode: exit)
    } catch {
      return error.commandOutput(json: json)
    }
  }

  static func definition3(_ body: () throws -> Definition3Report) throws(InputError) -> Definition3Report {
    do {
      return try body()
    } catch {
      throw InputError(.kOutOfRange, "\(error)")
    }
  }

  /// `theorem-check conditioning <file>`: certified bounds on
  /// sigma_max / sigma_min of A A^T (the rho of Lemma D.2).
  public static func conditioning(file: String, precisionText: String?, json: Bool) -> CommandOutput {
    do throws(InputError) {
      let bits = try precisionText.map { (text: String) throws(InputError) -> Int in
        try parseInteger(text, what: "--precision", range: 1...1024)
      } ?? 30
      let rows = try MatrixFile.read(file)
      let bounds: ConditionNumberSquaredBounds
      do {
        let matrix = try RationalMatrix(rows: rows)
        bounds = try conditionNumberSquaredBounds(matrix, relativeGap: SpectrumCertification.relativeGap(bits: bits))
      } catch {
        throw InputError(
          .notPositiveDefinite,
          "A A^T is not positive definite, so Lemma D.2 does not apply (\(error)); it needs A with m <= n and independent rows",
          at: InputLocation(file: file, field: "A"))
      }
      let s = bounds.spectrum
      if json {
        let document = JSONValue.object(ordered: [
          ("input", .string(file)),
          ("rows", .integer(rows.count)),
          ("columns", .integer(rows[0].count)),
          ("rho", .string(bounds.upper.description)),
          ("rhoDecimal", .string(Decimals.rounded(bounds.upper, digits: defaultDigits))),
          ("conditionSquaredLowerBound", .string(bounds.lower.description)),
          ("sigmaMinLowerBound", .string(s.mu.description)),
          ("sigmaMinUpperBound", .string(s.lambdaMinUpperBound.description)),
          ("sigmaMaxLowerBound", .string(s.lambdaMaxLowerBound.description)),
          ("sigmaMaxUpperBound", .string(s.L.description)),
          ("certificate", .string("sigma_min by \(s.muMethod), sigma_max by \(s.lMethod); relative gap 2^-\(bits)")),
        ])
        return CommandOutput(standardOutput: JSONWriter.write(document) + "\n")
      }
      let d = defaultDigits
      let lines = [
        "Lemma D.2 conditioning of A (\(rows.count) x \(rows[0].count)) from \(file)",
        "sigma = eigenvalues of A A^T:",
        "  \(Decimals.rounded(s.mu, digits: d)) <= sigma_min <= \(Decimals.rounded(s.lambdaMinUpperBound, digits: d))  [\(s.muMethod)]",
        "  \(Decimals.rounded(s.lambdaMaxLowerBound, digits: d)) <= sigma_max <= \(Decimals.rounded(s.L, digits: d))  [\(s.lMethod)]",
        "\(Decimals.rounded(bounds.lower, digits: d)) <= sigma_max / sigma_min <= \(Decimals.rounded(bounds.upper, digits: d))",
        "rho = \(bounds.upper)",
        "certified: any rho >= \(Decimals.rounded(bounds.upper, digits: d)) satisfies Lemma D.2's hypothesis rho >= sigma_max / sigma_min (exit 0)",
      ]
      return CommandOutput(standardOutput: lines.joined(separator: "\n") + "\n")
    } catch {
      return error.commandOutput(json: json)
    }
  }

  /// `theorem-check mlp-ratio`: the sparse ratios r in (1/rho^2, 1) for which
  /// Appendix F's f(r) > 0, i.e. the proof of Theorem 4 guarantees
  /// delta(w) < theta.
  public static func mlpRatio(
    rhoText: String, layersText: String, thetaCosText: String?, thetaSinText: String?, precisionText: String?, json: Bool
  ) -> CommandOutput {
    do throws(InputError) {
      let rho = try parseRational(rhoText, what: "--rho")
      guard rho > Rational(1) else { throw InputError(.usage, "--rho must be > 1, got \(rho)") }
      let layers = try parseInteger(layersText, what: "--layers", range: 1...64)
      let steps = try precisionText.map { (text: String) throws(InputError) -> Int in
        try parseInteger(text, what: "--precision", range: 1...200)
      } ?? 20
      let theta: QuadraticAngle
      switch (thetaCosText, thetaSinText) {
      case (let c?, nil):
        let q = try parseRational(c, what: "--theta-cos")
        guard q > Rational(0), q < Rational(1) else {
          throw InputError(.thetaNotBelowHalfPi, "--theta-cos must be in (0, 1) so that theta is in (0, pi/2), got \(q)")
        }
        theta = try angle { try QuadraticAngle.arccos(q) }
      case (nil, let s?):
        let q = try parseRational(s, what: "--theta-sin")
        guard q > Rational(0), q < Rational(1) else {
          throw InputError(.thetaNotBelowHalfPi, "--theta-sin must be in (0, 1) so that theta is in (0, pi/2), got \(q)")
        }
        theta = try angle { try QuadraticAngle.arcsin(q) }
      default:
        throw InputError(.usage, "give exactly one of --theta-cos and --theta-sin")
      }
      let analysis: SparseRatioAnalysis
      let search: SparseRatioSearch?
      var claims: SparseRatioClaims?
      do {
        analysis = try SparseRatioAnalysis(rho: rho, layers: layers, theta: theta)
        search = try analysis.certifiedSparseRatio(bisectionSteps: steps)
        if let search { claims = try analysis.intermediateClaims(at: search.certified) }
      } catch {
        throw InputError(.usage, "Theorem 4's analysis failed: \(error)")
      }
      // A refuted intermediate claim of the proof is a failed claim (exit 1).
      let refuted = claims.map { c in
        [c.betasDecreasing, c.betaOneBelowTarget, c.betaOneBelowGeometricBound].contains(.refuted)
      } ?? false
      let exit: ExitCode = refuted ? .claimFailed : .success
      if json {
        var fields: [(String, JSONValue)] = [
          ("rho", .string(rho.description)), ("layers", .integer(layers)),
          ("cosTheta", .string(theta.cosine.description)),
          ("smallestRatio", .string(analysis.smallestRatio.description)),
        ]
        if let search {
          fields.append(("certifiedRatio", .string(search.certified.description)))
          fields.append(("certifiedRatioDecimal", .string(Decimals.rounded(search.certified, digits: defaultDigits))))
          fields.append(("rejectedRatio", .string(search.rejected.description)))
          fields.append(("rejectedIsDomainEnd", .bool(search.rejectedIsDomainEnd)))
        } else {
          fields.append(("certifiedRatio", .null))
        }
        if let claims {
          fields.append(("betasDecreasing", .string(claims.betasDecreasing.rawValue)))
          fields.append(("betaOneBelowGeometricBound", .string(claims.betaOneBelowGeometricBound.rawValue)))
          fields.append(("betaOneBelowTarget", .string(claims.betaOneBelowTarget.rawValue)))
        }
        fields.append(("verdict", .string(refuted ? "counterexample" : "holds")))
        return CommandOutput(standardOutput: JSONWriter.write(.object(ordered: fields)) + "\n", exitCode: exit)
      }
      var lines = [
        "Theorem 4 (Appendix F): rho = \(rho), N = \(layers) layers, cos(theta) = \(theta.cosine)",
        "domain of r: (1/rho^2, 1) = (\(Decimals.rounded(analysis.smallestRatio, digits: defaultDigits)), 1)",
      ]
      if let search {
        lines.append("certified: f(r) > 0 at r = \(search.certified) = \(Decimals.rounded(search.certified, digits: defaultDigits)) (decided exactly)")
        lines.append(search.rejectedIsDomainEnd
          ? "below it: the domain end 1/rho^2"
          : "rejected: f(r) <= 0 at r = \(search.rejected) = \(Decimals.rounded(search.rejected, digits: defaultDigits))")
        lines.append("so the proof guarantees delta(w) < theta for sparse ratio r = \(Decimals.rounded(search.certified, digits: defaultDigits))")
      } else {
        lines.append("no r = 1 - 2^-j (j <= 200) with f(r) > 0: the proof guarantees no sparse ratio here")
      }
      if let claims {
        lines.append("proof's intermediate claims at that r: beta_i decreasing: \(claims.betasDecreasing.rawValue); "
          + "beta_1 < geometric bound (Eq. 125): \(claims.betaOneBelowGeometricBound.rawValue); "
          + "beta_1 < min(1/rho, 1 - cos theta) (Eq. 120): \(claims.betaOneBelowTarget.rawValue)")
      }
      lines.append(refuted ? "verdict: COUNTEREXAMPLE: an intermediate claim of the proof is refuted (exit 1)" : "verdict: no claim refuted (exit 0)")
      return CommandOutput(standardOutput: lines.joined(separator: "\n") + "\n", exitCode: exit)
    } catch {
      return error.commandOutput(json: json)
    }
  }

  static func angle(_ body: () throws -> QuadraticAngle) throws(InputError) -> QuadraticAngle {
    do {
      return try body()
    } catch {
      throw InputError(.thetaNotBelowHalfPi, "theta: \(error)")
    }
  }

  static func claimDocument(_ claim: Claim) -> JSONValue {
    let proof: JSONValue = claim.proof.map { JSONValue.string($0) } ?? JSONValue.null
    let fields: [(String, JSONValue)] = [
      ("id", .string(claim.id)), ("source", .string(claim.source)), ("statement", .string(claim.statement)),
      ("status", .string(claim.status.rawValue)), ("note", .string(claim.note)), ("proof", proof),
    ]
    return .object(ordered: fields)
  }

  /// `theorem-check claims`: the ledger of the paper's claims.
  public static func claims(json: Bool) -> CommandOutput {
    if json {
      let rows: [JSONValue] = ClaimsRegistry.claims.map(claimDocument)
      return CommandOutput(standardOutput: JSONWriter.write(.object(ordered: [("claims", .array(values: rows))])) + "\n")
    }
    return CommandOutput(standardOutput: generateLedger())
  }
}
