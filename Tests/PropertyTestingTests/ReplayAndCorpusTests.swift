import Foundation
import Testing

@testable import PropertyTesting

/// The report, the replay line, seeds, and the failure corpus.
@Suite struct ReplayAndCorpusTests {
  /// Extracts the value of `PROPERTY_REPLAY=...` from a report's replay command, undoing
  /// the shell quoting, exactly as a shell would pass it to the process.
  func replayValue(in command: String) throws -> String {
    let prefix = "PROPERTY_REPLAY='"
    let start = try #require(command.range(of: prefix)).upperBound
    let end = try #require(command[start...].range(of: "' swift test")).lowerBound
    return String(command[start..<end]).replacingOccurrences(of: "'\\''", with: "'")
  }

  @Test func reportReadsWell() throws {
    let failure = try expectFailure {
      try forAll("every integer is below 1000", Gen.int(in: 0...1_000_000), seed: 42,
        corpus: .disabled) { x in x < 1000 }
    }
    let report = failure.description
    #expect(report.contains("Property \"every integer is below 1000\" failed after \(failure.casesPassed) passed case(s)."))
    #expect(report.contains("seed: 42"))
    #expect(report.contains("original counterexample: \(try #require(failure.originalCounterexample))"))
    #expect(report.contains("shrunk counterexample"))
    #expect(report.contains(": 1000"))
    #expect(report.contains("replay: PROPERTY_REPLAY='every integer is below 1000:42:\(try #require(failure.caseIndex))' swift test --filter 'PropertyTestingTests.*reportReadsWell'"))
  }

  @Test func replayLineReproducesExactlyTheFailingCase() throws {
    // A property whose counterexamples are varied, so that a wrong case would show.
    let gen = Gen.zip(Gen.int(in: -10_000...10_000), Gen.int(in: 0...100).array())
    let name = "pair: 'tricky' name: with colons"
    let property: ((Int, [Int])) -> Bool = { p in (p.0 + p.1.reduce(0, +)) % 7 != 3 }
    let first = try expectFailure {
      try runProperty(name, gen, corpus: .disabled, environment: PropertyEnvironment()) { value, _ in
        property(value)
      }
    }
    let command = try #require(first.replayCommand)
    let environment = try PropertyEnvironment(variables: ["PROPERTY_REPLAY": try replayValue(in: command)])
    var firstSeen: String?
    let replayed = try expectFailure {
      try runProperty(name, gen, corpus: .disabled, environment: environment) { value, _ in
        if firstSeen == nil { firstSeen = String(describing: value) }
        return property(value)
      }
    }
    // The very first case run is the original counterexample: no other case ran before it.
    #expect(firstSeen == first.originalCounterexample)
    #expect(replayed.originalCounterexample == first.originalCounterexample)
    #expect(replayed.shrunkCounterexample == first.shrunkCounterexample)
    #expect(replayed.seed == first.seed)
    #expect(replayed.casesPassed == 0)  // nothing ran before the replayed case
  }

  @Test func replayOfAnotherPropertyIsIgnored() throws {
    let environment = try PropertyEnvironment(variables: ["PROPERTY_REPLAY": "some other property:1:2"])
    let stats = try runProperty("unrelated", Gen.int(in: 0...9), cases: 30, corpus: .disabled,
      environment: environment) { _, _ in true }
    #expect(stats.casesPassed == 30)
  }

  @Test func sameSeedSameCasesDifferentSeedDifferentCases() throws {
    func values(seed: UInt64) throws -> [Int] {
      var seen: [Int] = []
      try forAll("record", Gen.int(in: 0...1_000_000_000), cases: 50, seed: seed, corpus: .disabled) { x in
        seen.append(x)
        return true
      }
      return seen
    }
    #expect(try values(seed: 7) == values(seed: 7))
    #expect(try values(seed: 7) != values(seed: 8))
  }

  @Test func shardsSplitTheCasesOfOneSeed() throws {
    func values(_ shard: String?, scale: String = "1") throws -> [Int] {
      var variables = ["PROPERTY_SEED": "99", "PROPERTY_SCALE": scale]
      if let shard { variables["PROPERTY_SHARD"] = shard }
      var seen: [Int] = []
      try runProperty("shard", Gen.int(in: 0...1_000_000_000), cases: 40, corpus: .disabled,
        environment: try PropertyEnvironment(variables: variables)) { x, _ in
        seen.append(x)
        return true
      }
      return seen
    }
    let whole = try values(nil, scale: "2")  // 80 cases: indices 0..<80
    let a = try values("0/2"), b = try values("1/2")  // 40 cases each: even and odd indices
    #expect(a.count == 40 && b.count == 40)
    #expect(a == stride(from: 0, to: 80, by: 2).map { whole[$0] })
    #expect(b == stride(from: 1, to: 80, by: 2).map { whole[$0] })
  }

  @Test func scaleMultipliesTheCaseCount() throws {
    let stats = try runProperty("scaled", Gen.int(in: 0...9), cases: 20, corpus: .disabled,
      environment: try PropertyEnvironment(variables: ["PROPERTY_SCALE": "2.5"])) { _, _ in true }
    #expect(stats.casesPassed == 50)
  }

  @Test func badEnvironmentIsAClearError() throws {
    #expect(throws: GeneratorError.self) { try PropertyEnvironment(variables: ["PROPERTY_SHARD": "2/2"]) }
    #expect(throws: GeneratorError.self) { try PropertyEnvironment(variables: ["PROPERTY_SEED": "abc"]) }
    #expect(throws: GeneratorError.self) { try PropertyEnvironment(variables: ["PROPERTY_SCALE": "-1"]) }
    #expect(throws: GeneratorError.self) { try PropertyEnvironment(variables: ["PROPERTY_REPLAY": "x:1"]) }
    let parsed = try PropertyEnvironment(variables: ["PROPERTY_SEED": "0xff", "PROPERTY_REPLAY": "a:b:7:12"])
    #expect(parsed.seed == 255)
    #expect(parsed.replay?.name == "a:b" && parsed.replay?.seed == 7 && parsed.replay?.caseIndex == 12)
  }

  @Test func shrunkCounterexampleIsSavedAndReplayedFirst() throws {
    let root = try temporaryCorpus()
    let name = "every integer is below 1000"
    let first = try expectFailure {
      try forAll(name, Gen.int(in: 0...1_000_000), corpus: .directory(root)) { x in x < 1000 }
    }
    #expect(corpusFiles(root: root, property: name).count == 1)
    #expect(first.savedCorpusFile != nil)
    // A later run: the saved entry fails before any new case is generated.
    var generated = 0
    let second = try expectFailure {
      try forAll(name, Gen.int(in: 0...1_000_000), corpus: .directory(root)) { x in
        generated += 1
        return x < 1000
      }
    }
    #expect(second.corpusSource == first.savedCorpusFile)
    #expect(second.originalCounterexample == "1000")
    #expect(second.casesPassed == 0)
    #expect(corpusFiles(root: root, property: name).count == 1)  // same entry, same file
    // Once the bug is fixed the entry is a passing regression test, run before new cases.
    let stats = try runProperty(name, Gen.int(in: 0...1_000_000), cases: 10, corpus: .directory(root),
      environment: PropertyEnvironment()) { x, _ in x < 2_000_000 }
    #expect(stats.corpusEntriesReplayed == 1)
    #expect(stats.casesPassed == 11)
  }

  @Test func handWrittenCorpusEntryFindsARareBug() throws {
    // 123456 is practically never drawn from 0...10^9; the corpus entry is the only way to hit it.
    let root = try temporaryCorpus()
    let name = "no magic number"
    let dir = URL(fileURLWithPath: root).appendingPathComponent(PropertyCorpus.slug(name))
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    // One-sided ranges encode a value as its offset from the bound nearest zero.
    let entry = CorpusEntry(size: 0, choices: [123_456])
    try entry.text(property: name, counterexample: "123456")
      .write(to: dir.appendingPathComponent(entry.fileName), atomically: true, encoding: .utf8)
    let failure = try expectFailure {
      try forAll(name, Gen.int(in: 0...1_000_000_000), corpus: .directory(root)) { x in x != 123_456 }
    }
    #expect(failure.corpusSource != nil)
    #expect(failure.shrunkCounterexample == "123456")
  }

  @Test func corpusEntryRoundTrips() throws {
    let entry = CorpusEntry(size: 17, choices: [0, 1, UInt64.max, 42])
    let text = entry.text(property: "p", counterexample: "line one\nline two")
    #expect(CorpusEntry(text: text) == entry)
    #expect(CorpusEntry(text: "# nothing here") == nil)
  }

  @Test func fixturesCorpusResolvesToTheRepository() throws {
    let store = try #require(
      PropertyCorpus(.fixtures, property: "A name!", callerFile: #filePath, environment: PropertyEnvironment()))
    #expect(store.directory.path.hasSuffix("/Fixtures/corpus/a-name"))
    let repo = store.directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent("Package.swift").path))
  }
}
