import Foundation
import PropertyTesting
import Testing
@testable import TheoremCheckCore

/// Fuzz cases are drawn from the shared seeded generator, so every case can be replayed.
typealias SplitMix64 = PropertyTesting.SplitMix64

/// Nothing traps: random bytes, mutated fixtures and random well-formed
/// documents all either decode or throw a typed, non-empty error. A trap
/// would kill the test process, which the test runner reports as a failure.
@Suite struct FuzzTests {
  static let seedFixtures = [
    "two-by-two.json", "estimator-given.json", "estimator-randomk.json", "linear-term-b.json",
    "hypothesis-fails-sometimes.json", "invalid/float-literal.json", "invalid/not-symmetric.json",
  ]

  /// Tokens that exercise the corners of the grammar and of exact parsing.
  static let tokens: [String] = [
    "[", "]", "{", "}", ",", ":", "\"", "\\", "\\u", "\\ud800", "-", "0", "01", "0.5", "1e-3", "1e99999",
    "\"1/0\"", "\"3/4\"", "\" 7 \"", "\"-0\"", "\"1e-99999\"", "NaN", "true", "null", "\u{00}", "\u{1F600}",
    "\"A\"", "\"b\"", "\"estimator\"", "\"kind\"", "\"given\"", "\"randomk\"", "\"theta\"", "\"auto\"",
    "\"steps\"", "99999999999999999999", "-1", "\"k\"", "\"g\"", "[[", "]]",
  ]

  func exercise(_ bytes: [UInt8]) {
    do {
      _ = try JSONParser().parse(bytes)
    } catch {
      #expect(!error.message.isEmpty)
    }
    do {
      var problem = try ProblemDecoder().decode(bytes: bytes)
      #expect(problem.dimension >= 1)
      #expect(problem.steps >= 1)
      // A decoded input is run too (a few steps, so the fuzz stays fast): the checker and
      // both reports must not trap either, whatever the decoder let through.
      problem.steps = min(problem.steps, 3)
      if problem.dimension <= 8 { runChecker(problem) }
    } catch {
      #expect(!error.message.isEmpty)
      #expect(!error.description.isEmpty)
    }
  }

  func runChecker(_ problem: QuadraticProblem) {
    do {
      let run = try CheckRunner.run(problem)
      #expect(!run.textReport().isEmpty)
      #expect(!JSONWriter.write(run.jsonReport()).isEmpty)
    } catch {
      #expect(!error.message.isEmpty)
    }
  }

  @Test func randomBytesNeverTrap() {
    var rng = SplitMix64(seed: 0x7E0_4E3)
    for _ in 0..<400 {
      let count = Int.random(in: 0..<200, using: &rng)
      let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
      exercise(bytes)
    }
  }

  @Test(arguments: seedFixtures)
  func mutatedFixturesNeverTrap(fixture: String) throws {
    let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repository.quadratic(fixture))))
    var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: fixture.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }))
    for _ in 0..<250 {
      var bytes = original
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        Self.mutate(&bytes, using: &rng)
      }
      exercise(bytes)
    }
  }

  static func mutate(_ bytes: inout [UInt8], using rng: inout SplitMix64) {
    let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
    switch Int.random(in: 0..<6, using: &rng) {
    case 0 where !bytes.isEmpty:
      bytes[position] = UInt8.random(in: 0...255, using: &rng)
    case 1:
      bytes.insert(UInt8.random(in: 0x20...0x7E, using: &rng), at: position)
    case 2 where !bytes.isEmpty:
      let end = min(bytes.count, position + Int.random(in: 1...12, using: &rng))
      bytes.removeSubrange(position..<end)
    case 3:
      let token = tokens.randomElement(using: &rng)!
      bytes.insert(contentsOf: Array(token.utf8), at: position)
    case 4 where !bytes.isEmpty:
      let end = min(bytes.count, position + Int.random(in: 1...20, using: &rng))
      let slice = Array(bytes[position..<end])
      let target = Int.random(in: 0...bytes.count, using: &rng)
      bytes.insert(contentsOf: slice, at: target)
    default:
      bytes.removeLast(min(bytes.count, Int.random(in: 0...8, using: &rng)))
    }
  }

  /// Random well-formed documents of the input's shape, with random (often
  /// invalid) numbers, so that validation far beyond the syntax is reached.
  @Test func randomWellFormedDocumentsNeverTrap() {
    var rng = SplitMix64(seed: 2020)
    let numbers = ["0", "1", "-2", "\"3/4\"", "\"-1/3\"", "\"0.125\"", "\"1e-3\"", "0.5", "\"x\"", "\"1/0\"", "true", "null", "[]"]
    func number() -> String { numbers.randomElement(using: &rng)! }
    for _ in 0..<300 {
      let n = Int.random(in: 0...4, using: &rng)
      let rowLength = { Bool.random(using: &rng) ? n : Int.random(in: 0...4, using: &rng) }
      var rows: [String] = []
      for i in 0..<n {
        // Mostly symmetric diagonally dominant rows, so that deeper checks run.
        let entries = (0..<rowLength()).map { j in i == j ? String(n + 2) : (Bool.random(using: &rng) ? "0" : number()) }
        rows.append("[" + entries.joined(separator: ",") + "]")
      }
      let vector = { "[" + (0..<rowLength()).map { _ in number() }.joined(separator: ",") + "]" }
      var members = ["\"A\": [" + rows.joined(separator: ",") + "]"]
      members.append((Bool.random(using: &rng) ? "\"minimizer\": " : "\"b\": ") + vector())
      if Int.random(in: 0..<8, using: &rng) > 0 { members.append("\"start\": " + vector()) }
      let estimators = [
        "{\"kind\": \"exact\"}", "{\"kind\": \"topk\", \"k\": \(Int.random(in: -1...5, using: &rng))}",
        "{\"kind\": \"randomk\", \"k\": 1, \"seed\": \(Int.random(in: -1...9, using: &rng))}",
        "{\"kind\": \"given\", \"g\": [\(vector()), \(vector())]}", "{\"kind\": 3}", "[]",
      ]
      members.append("\"estimator\": " + estimators.randomElement(using: &rng)!)
      let thetas = ["\"auto\"", "{\"cos\": \(number())}", "{\"sin\": \(number())}", "{}", "\"x\""]
      members.append("\"theta\": " + thetas.randomElement(using: &rng)!)
      members.append("\"steps\": " + ["1", "2", "0", "-1", "1.5", "\"3\"", "100000"].randomElement(using: &rng)!)
      members.shuffle(using: &rng)
      exercise(Array(("{" + members.joined(separator: ",") + "}").utf8))
    }
  }

  /// Round trip: the writer's output parses back to the same value.
  @Test func writerOutputParsesBack() throws {
    var rng = SplitMix64(seed: 42)
    func value(_ depth: Int) -> JSONValue {
      switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &rng) {
      case 0: return .string(String((0..<Int.random(in: 0...6, using: &rng)).map { _ in
        Character(Unicode.Scalar([0x22, 0x5C, 0x0A, 0x01, 0x41, 0xE9, 0x4E2D, 0x1F600].randomElement(using: &rng)!)!)
      }))
      case 1: return .number(JSONNumber(text: String(Int.random(in: -1000...1000, using: &rng)), isIntegerLiteral: true))
      case 2: return .bool(Bool.random(using: &rng))
      case 3: return .null
      case 4: return .array(values: (0..<Int.random(in: 0...3, using: &rng)).map { _ in value(depth + 1) })
      default:
        return .object(ordered: (0..<Int.random(in: 0...3, using: &rng)).map { i in ("k\(i)", value(depth + 1)) })
      }
    }
    for _ in 0..<200 {
      let original = value(0)
      let text = JSONWriter.write(original)
      let parsed = try JSONParser().parse(text)
      #expect(JSONWriter.write(parsed.value) == text)
    }
  }
}
