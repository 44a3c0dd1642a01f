import ExactArithmetic
import Foundation
import Testing
@testable import TheoremCheckCore

/// Validation of the input file: every class of bad input is named, with its
/// position, through the library API.
@Suite struct ProblemDecoderTests {
  let decoder = ProblemDecoder()

  func decodeError(_ text: String) -> InputError? {
    do {
      _ = try decoder.decode(bytes: Array(text.utf8))
      return nil
    } catch {
      return error
    }
  }

  /// The invalid fixtures, each with its class and the (line, column) of the
  /// offending value, read off the fixture text by hand-independent search:
  /// the column is where `marker` starts on line `line`.
  static let invalidFixtures: [(file: String, errorClass: InputErrorClass, line: Int, marker: String?)] = [
    ("malformed-json.json", .malformedJSON, 2, "],\n"),
    ("not-exact-rational.json", .notExactRational, 3, "\"one\""),
    ("float-literal.json", .floatLiteral, 2, "0.5"),
    ("schema-unknown-key.json", .schema, 3, "\"minimiser\""),
    ("not-square.json", .notSquare, 2, "[\"2\", \"1/2\", \"0\"]"),
    ("not-symmetric.json", .notSymmetric, 2, "[["),
    ("dimension-mismatch.json", .dimensionMismatch, 4, "[\"0\", \"0\", \"0\"]"),
    ("k-out-of-range.json", .kOutOfRange, 5, "3}"),
    ("theta-not-below-half-pi.json", .thetaNotBelowHalfPi, 5, "\"0\""),
    ("steps-not-positive-integer.json", .stepsNotPositiveInteger, 5, "0\n"),
    ("limit-exceeded.json", .limitExceeded, 2, "\"1e99999\""),
  ]

  @Test(arguments: invalidFixtures)
  func invalidFixtureIsNamedWithItsPosition(file: String, errorClass: InputErrorClass, line: Int, marker: String?) throws {
    let path = Repository.invalid(file)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    do {
      _ = try decoder.decode(file: path)
      Issue.record("\(file) was accepted")
    } catch {
      #expect(error.errorClass == errorClass, "\(file): \(error)")
      #expect(error.location.file == path)
      #expect(error.location.position?.line == line, "\(file): \(error)")
      if let marker {
        // Independent column: find the marker on the reported line.
        let lineText = text.components(separatedBy: "\n")[line - 1] + "\n"
        let range = try #require(lineText.range(of: marker), "\(marker) not on line \(line) of \(file)")
        let column = lineText.distance(from: lineText.startIndex, to: range.lowerBound) + 1
        #expect(error.location.position?.column == column, "\(file): \(error)")
      }
      #expect(error.description.hasPrefix("\(path):\(line):"))
    }
  }

  @Test func floatLiteralMessageSaysToQuoteIt() {
    let error = decodeError(#"{"A": [[1e-3]], "minimizer": [0], "start": [1]}"#)
    #expect(error?.errorClass == .floatLiteral)
    #expect(error?.message.contains("quote it: \"1e-3\"") == true)
    #expect(error?.location.field == "A[0][0]")
  }

  @Test func missingAndUnreadableFiles() throws {
    let missing = Repository.invalid("no-such-file.json")
    #expect(throws: InputError.self) { try decoder.decode(file: missing) }
    do { _ = try decoder.decode(file: missing) } catch { #expect(error.errorClass == .fileMissing) }
    do {
      _ = try decoder.decode(file: Repository.invalid("unreadable-directory.json"))
      Issue.record("a directory was accepted")
    } catch {
      #expect(error.errorClass == .fileUnreadable)
      #expect(error.message.contains("directory"))
    }
  }

  @Test func fileTooLargeIsRefusedWithoutReadingItAll() throws {
    let small = ProblemDecoder(byteLimit: 1000)
    let path = try temporaryFile(Array(repeating: UInt8(ascii: " "), count: 1001))
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try small.decode(file: path)
      Issue.record("accepted")
    } catch {
      #expect(error.errorClass == .fileTooLarge)
    }
    // An endless file is refused at the limit, not exhausted.
    if FileManager.default.fileExists(atPath: "/dev/zero") {
      do { _ = try small.decode(file: "/dev/zero") } catch { #expect(error.errorClass == .fileTooLarge) }
    }
  }

  @Test(arguments: [
    (#"{"A": [], "minimizer": [], "start": []}"#, InputErrorClass.notSquare, "A"),
    (#"{"A": [[1]], "start": [1]}"#, .schema, nil),
    (#"{"A": [[1]], "minimizer": [0], "b": [0], "start": [1]}"#, .schema, nil),
    (#"{"A": [[1]], "minimizer": [0]}"#, .schema, nil),
    (#"{"A": [[1]], "minimizer": ["1/0"], "start": [1]}"#, .notExactRational, "minimizer[0]"),
    (#"{"A": [[1]], "minimizer": [true], "start": [1]}"#, .schema, "minimizer[0]"),
    (#"{"A": [[1]], "minimizer": [], "start": [1]}"#, .dimensionMismatch, "minimizer"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "estimator": {"kind": "topk", "k": 0}}"#, .kOutOfRange, "estimator.k"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "estimator": {"kind": "topk", "k": "1"}}"#, .kOutOfRange, "estimator.k"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "estimator": {"kind": "topk"}}"#, .schema, "estimator"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "estimator": {"kind": "sgd"}}"#, .schema, "estimator.kind"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "estimator": {"kind": "exact", "k": 1}}"#, .schema, "estimator.k"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "estimator": {"kind": "randomk", "k": 1, "seed": -1}}"#, .schema, "estimator.seed"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "estimator": {"kind": "given", "g": []}}"#, .stepsNotPositiveInteger, "estimator.g"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "estimator": {"kind": "given", "g": [[1, 2]]}}"#, .dimensionMismatch, "estimator.g[0]"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "estimator": {"kind": "given", "g": [[1]]}, "steps": 2}"#, .dimensionMismatch, "steps"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "theta": {"cos": "2"}}"#, .thetaNotBelowHalfPi, "theta.cos"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "theta": {"cos": "-1/2"}}"#, .thetaNotBelowHalfPi, "theta.cos"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "theta": {"sin": "1"}}"#, .thetaNotBelowHalfPi, "theta.sin"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "theta": {"sin": "-1/9"}}"#, .thetaNotBelowHalfPi, "theta.sin"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "theta": {"sin": "1/2", "cos": "1/2"}}"#, .schema, "theta"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "theta": "pi/4"}"#, .schema, "theta"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "steps": -3}"#, .stepsNotPositiveInteger, "steps"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "steps": 2.5}"#, .stepsNotPositiveInteger, "steps"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "steps": "10"}"#, .stepsNotPositiveInteger, "steps"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "steps": 99999999999999999999999}"#, .stepsNotPositiveInteger, "steps"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "steps": 1001}"#, .limitExceeded, "steps"),
    (#"{"A": [[1]], "minimizer": [0], "start": [1], "precision": 0}"#, .schema, "precision"),
    (#"[1, 2]"#, .schema, nil),
  ] as [(String, InputErrorClass, String?)])
  func classifiesBadInput(text: String, errorClass: InputErrorClass, field: String?) {
    let error = decodeError(text)
    #expect(error?.errorClass == errorClass, "\(text): \(String(describing: error))")
    #expect(error?.location.field == field, "\(text): \(String(describing: error))")
    #expect(error?.location.position != nil)
  }

  @Test func dimensionLimitIsEnforcedBeforeReadingEntries() {
    let limited = ProblemDecoder(limits: InputLimits(maximumDimension: 3))
    let row = "[" + Array(repeating: "0", count: 4).joined(separator: ",") + "]"
    let text = "{\"A\": [\(Array(repeating: row, count: 4).joined(separator: ","))], \"minimizer\": [0,0,0,0], \"start\": [1,0,0,0]}"
    do {
      _ = try limited.decode(bytes: Array(text.utf8))
      Issue.record("accepted")
    } catch {
      #expect(error.errorClass == .limitExceeded)
    }
  }

  @Test func symmetryErrorNamesTheFirstAsymmetricPair() {
    let error = decodeError(#"{"A": [[1, 0, 0], [0, 1, 5], [0, "5/1", 1]], "minimizer": [0,0,0], "start": [1,0,0]}"#)
    #expect(error == nil || error?.errorClass != .notSymmetric, "5/1 equals 5: symmetric")
    let asymmetric = decodeError(#"{"A": [[1, 0, 0], [0, 1, 5], [0, 4, 1]], "minimizer": [0,0,0], "start": [1,0,0]}"#)
    #expect(asymmetric?.errorClass == .notSymmetric)
    #expect(asymmetric?.message.contains("A[1][2] = 5 but A[2][1] = 4") == true)
  }
}
