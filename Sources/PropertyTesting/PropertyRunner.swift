// The run loop behind `forAll`: corpus replay, generation, shrinking, coverage.

/// One property run. Internal: `forAll` is the public face.
struct PropertyRunner<Value> {
  let name: String
  let generator: Gen<Value>
  let property: (Value, PropertyContext) throws -> Bool
  let cases: Int?
  let seed: UInt64?
  let cover: [String: Double]
  let maxDiscardRatio: Int
  let shrinkLimit: Int
  let corpus: Corpus
  let statistics: Bool
  let filePath: String
  let fileID: String
  let function: String
  /// Replaces the process environment (tests of the engine use it to exercise
  /// `PROPERTY_REPLAY` and `PROPERTY_SHARD` without mutating the shared environment).
  var environmentOverride: PropertyEnvironment?

  private var passed = 0
  private var discarded = 0
  private var replayedEntries = 0
  private var classified = 0
  private var labelCounts: [String: Int] = [:]

  init(
    name: String, generator: Gen<Value>, property: @escaping (Value, PropertyContext) throws -> Bool,
    cases: Int?, seed: UInt64?, cover: [String: Double], maxDiscardRatio: Int, shrinkLimit: Int,
    corpus: Corpus, statistics: Bool, filePath: String, fileID: String, function: String
  ) {
    self.name = name
    self.generator = generator
    self.property = property
    self.cases = cases
    self.seed = seed
    self.cover = cover
    self.maxDiscardRatio = maxDiscardRatio
    self.shrinkLimit = shrinkLimit
    self.corpus = corpus
    self.statistics = statistics
    self.filePath = filePath
    self.fileID = fileID
    self.function = function
  }

  /// The seed of case `index` of a run with seed `runSeed`: independent of the case count,
  /// the scale and the shard, so that `name:seed:case` identifies a case for good.
  static func caseSeed(run runSeed: UInt64, index: Int) -> UInt64 {
    SplitMix64.mix(runSeed ^ SplitMix64.mix(UInt64(index) &+ 0x9E37_79B9_7F4A_7C15))
  }

  /// The size parameter of case `index` (cycling 0...maxPropertySize).
  static func caseSize(index: Int) -> Int { index % (maxPropertySize + 1) }

  mutating func run() throws -> PropertyStatistics {
    let environment: PropertyEnvironment
    do {
      environment = try environmentOverride ?? PropertyEnvironment.current()
    } catch {
      throw configurationFailure(String(describing: error), seed: seed ?? 0)
    }
    let runSeed = seed ?? environment.seed ?? UInt64.random(in: .min ... .max)
    for (label, share) in cover where !(0...1).contains(share) {
      throw configurationFailure(
        "cover: the share \(share) for \"\(label)\" is not in 0...1", seed: runSeed)
    }
    guard (cases ?? 0) >= 0, maxDiscardRatio >= 0, shrinkLimit >= 0 else {
      throw configurationFailure(
        "cases (\(cases ?? 0)), maxDiscardRatio (\(maxDiscardRatio)) and shrinkLimit (\(shrinkLimit)) must be non-negative",
        seed: runSeed)
    }
    let store = PropertyCorpus(
      corpus, property: name, callerFile: filePath, environment: environment)

    // An explicit replay of one case of this property: nothing else runs.
    if let replay = environment.replay, replay.name == name {
      let size = Self.caseSize(index: replay.caseIndex)
      let source = ChoiceSource(
        random: Xoshiro256StarStar(seed: Self.caseSeed(run: replay.seed, index: replay.caseIndex)),
        size: size)
      if case .fail(let failure) = evaluate(source) {
        throw report(failure, seed: replay.seed, caseIndex: replay.caseIndex, corpusSource: nil, store: store)
      }
      print("PropertyTesting: replayed case \(replay.caseIndex) of \"\(name)\" (seed \(replay.seed)): it passes now.")
      return makeStatistics(seed: replay.seed)
    }

    // Saved counterexamples first: they are regression tests.
    for (path, entry) in store?.entries() ?? [] {
      replayedEntries += 1
      switch evaluate(ChoiceSource(replaying: entry.choices, size: entry.size)) {
      case .fail(let failure):
        throw report(failure, seed: runSeed, caseIndex: nil, corpusSource: path, store: store)
      case .pass: passed += 1
      case .discard: discarded += 1
      }
    }

    let scaled = Double(cases ?? defaultPropertyCases) * environment.scale
    let caseCount = max(cases == 0 ? 0 : 1, Int(scaled.rounded()))
    let maxDiscards = maxDiscardRatio * max(caseCount, 1)
    let (shardIndex, shardCount) = environment.shard
    var planned = caseCount
    let coverageBudget = caseCount * 10
    var generatedPasses = 0
    var step = 0
    var lastDiscardReason = ""

    while true {
      if generatedPasses >= planned {
        switch coverageVerdict() {
        case .met:
          break
        case .failed(let table):
          throw PropertyFailure(
            kind: .insufficientCoverage, propertyName: name, seed: runSeed, casesPassed: passed,
            casesDiscarded: discarded, caseIndex: nil, corpusSource: nil,
            originalCounterexample: nil, shrunkCounterexample: nil, shrunkChoices: nil,
            shrinkSteps: 0, thrownError: nil, notes: [], detail: table,
            replayCommand: "PROPERTY_SEED=\(runSeed) \(testCommand())", savedCorpusFile: nil)
        case .undecided(let table):
          if planned < coverageBudget {
            planned = min(coverageBudget, planned + caseCount)
            continue
          }
          print("PropertyTesting: warning: \"\(name)\" coverage slightly below target after \(planned) cases (not significant):\n\(table)")
        }
        break
      }
      let index = step * shardCount + shardIndex
      step += 1
      let source = ChoiceSource(
        random: Xoshiro256StarStar(seed: Self.caseSeed(run: runSeed, index: index)),
        size: Self.caseSize(index: index))
      switch evaluate(source) {
      case .pass(let labels):
        passed += 1
        generatedPasses += 1
        classified += 1
        for label in labels { labelCounts[label, default: 0] += 1 }
      case .discard(let reason):
        discarded += 1
        lastDiscardReason = reason
        if discarded > maxDiscards {
          throw PropertyFailure(
            kind: .tooManyDiscards, propertyName: name, seed: runSeed, casesPassed: passed,
            casesDiscarded: discarded, caseIndex: nil, corpusSource: nil,
            originalCounterexample: nil, shrunkCounterexample: nil, shrunkChoices: nil,
            shrinkSteps: 0, thrownError: nil, notes: [],
            detail: "discard limit \(maxDiscards) exceeded (maxDiscardRatio \(maxDiscardRatio)); last reason: \(lastDiscardReason)\n"
              + "make the generator produce valid inputs directly instead of filtering",
            replayCommand: "PROPERTY_SEED=\(runSeed) \(testCommand())", savedCorpusFile: nil)
        }
      case .fail(let failure):
        throw report(failure, seed: runSeed, caseIndex: index, corpusSource: nil, store: store)
      }
    }

    let result = makeStatistics(seed: runSeed)
    if statistics || environment.statistics { print(result) }
    return result
  }

  private func makeStatistics(seed: UInt64) -> PropertyStatistics {
    PropertyStatistics(
      name: name, seed: seed, casesPassed: passed, casesDiscarded: discarded,
      corpusEntriesReplayed: replayedEntries, labelCounts: labelCounts,
      classifiedCases: classified)
  }

  /// Runs the generator and the property on one case.
  private func evaluate(_ source: ChoiceSource) -> CaseOutcome {
    let context = PropertyContext()
    let value: Value
    do {
      value = try generator.generate(source)
    } catch let discard as CaseDiscarded {
      return .discard(discard.reason)
    } catch let overrun as ChoiceBudgetExceeded {
      return .discard(overrun.description)
    } catch {
      return .fail(
        CaseFailure(
          choices: source.recorded, spans: source.spans, size: source.size,
          value: "(the generator threw before producing a value)",
          error: String(describing: error), notes: []))
    }
    do {
      if try property(value, context) { return .pass(context.labels) }
      return .fail(
        CaseFailure(
          choices: source.recorded, spans: source.spans, size: source.size,
          value: String(describing: value), error: nil, notes: context.notes))
    } catch let discard as CaseDiscarded {
      return .discard(discard.reason)
    } catch {
      return .fail(
        CaseFailure(
          choices: source.recorded, spans: source.spans, size: source.size,
          value: String(describing: value), error: String(describing: error),
          notes: context.notes))
    }
  }

  /// Shrinks a failure, saves it to the corpus, and builds the report.
  private func report(
    _ failure: CaseFailure, seed runSeed: UInt64, caseIndex: Int?, corpusSource: String?,
    store: PropertyCorpus?
  ) -> PropertyFailure {
    let size = failure.size
    var shrinker = Shrinker(failure: failure, limit: shrinkLimit) { choices in
      self.evaluate(ChoiceSource(replaying: choices, size: size))
    }
    shrinker.shrink()
    let best = shrinker.best
    let saved = store?.save(
      CorpusEntry(size: best.size, choices: best.choices), property: name,
      counterexample: best.value)
    let replay: String
    if let caseIndex {
      replay = "PROPERTY_REPLAY=\(shellQuoted("\(name):\(runSeed):\(caseIndex)")) \(testCommand())"
    } else {
      replay = "\(testCommand())   # corpus entries are replayed first"
    }
    return PropertyFailure(
      kind: .counterexample, propertyName: name, seed: runSeed, casesPassed: passed,
      casesDiscarded: discarded, caseIndex: caseIndex, corpusSource: corpusSource,
      originalCounterexample: failure.value, shrunkCounterexample: best.value,
      shrunkChoices: best.choices, shrinkSteps: shrinker.improvements, thrownError: best.error,
      notes: best.notes,
      detail: shrinker.stoppedAtBudget
        ? "shrinking stopped at its budget (\(shrinker.attempts) runs, shrinkLimit \(shrinkLimit), or 60 s): the shrunk counterexample may not be minimal"
        : nil,
      replayCommand: replay, savedCorpusFile: saved)
  }

  private enum CoverageVerdict {
    case met
    case failed(String)
    case undecided(String)
  }

  /// Compares label shares with the `cover` requirements. A share below its requirement
  /// fails only when it is significantly below (the Wilson score interval's upper end at
  /// z = 3.29, about 99.9% one-sided, is under the requirement); otherwise more cases are
  /// run, so that a random seed cannot make a healthy property flaky.
  private func coverageVerdict() -> CoverageVerdict {
    guard !cover.isEmpty else { return .met }
    var failed = false
    var undecided = false
    var rows: [String] = ["coverage (label: observed share / required share):"]
    for label in cover.keys.sorted() {
      let required = cover[label]!
      let count = labelCounts[label] ?? 0
      let n = Double(max(classified, 1))
      let observed = Double(count) / n
      var status = "ok"
      if observed < required {
        if wilsonUpperBound(successes: Double(count), trials: n, z: 3.29) < required {
          failed = true
          status = "TOO LOW"
        } else {
          undecided = true
          status = "below, not yet significant"
        }
      }
      rows.append("  \(label): \(count)/\(classified) = \(percent(observed)) / \(percent(required)) \(status)")
    }
    let table = rows.joined(separator: "\n")
    if failed { return .failed(table) }
    if undecided { return .undecided(table) }
    return .met
  }

  private func percent(_ x: Double) -> String { "\((x * 1000).rounded() / 10)%" }

  private func wilsonUpperBound(successes: Double, trials n: Double, z: Double) -> Double {
    let p = successes / n
    let z2 = z * z
    let centre = p + z2 / (2 * n)
    let spread = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
    return (centre + spread) / (1 + z2 / n)
  }

  /// `swift test --filter <Module>.*<function>`, from the caller's `#fileID`/`#function`.
  private func testCommand() -> String {
    let module = fileID.split(separator: "/").first.map(String.init) ?? ""
    let test = function.split(separator: "(").first.map(String.init) ?? function
    return "swift test --filter \(shellQuoted("\(module).*\(test)"))"
  }

  private func configurationFailure(_ message: String, seed: UInt64) -> PropertyFailure {
    PropertyFailure(
      kind: .configuration, propertyName: name, seed: seed, casesPassed: 0, casesDiscarded: 0,
      caseIndex: nil, corpusSource: nil, originalCounterexample: nil, shrunkCounterexample: nil,
      shrunkChoices: nil, shrinkSteps: 0, thrownError: nil, notes: [], detail: message,
      replayCommand: nil, savedCorpusFile: nil)
  }
}

/// Single-quotes a string for POSIX shells.
func shellQuoted(_ text: String) -> String {
  "'" + text.replacingAll("'", with: "'\\''") + "'"
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for ch in self {
      if ch == target { out += replacement } else { out.append(ch) }
    }
    return out
  }
}
