import ExactArithmetic
import Foundation

/// The entry points of the `theorem-check` subcommands.
///
/// Each takes the arguments as the user typed them (strings), validates them,
/// runs the exact check and returns what to print and the exit code. The
/// executable only parses the command line and writes the `CommandOutput`.
public enum TheoremCheck {
  /// Default digits of the printed decimals.
  public static let defaultDigits = 6

  /// A bad command line: exit 2 with the message (and `--help` pointer).
  public static func usageError(_ message: String, json: Bool) -> CommandOutput {
    InputError(.usage, message).commandOutput(json: json)
  }

  /// `theorem-check check <file>`: Theorem 1 on the quadratic in `file`.
  public static func check(file: String, json: Bool, exactForms: Bool = false, digitsText: String? = nil) -> CommandOutput {
    do throws(InputError) {
      let digits = try parseDigits(digitsText)
      let problem = try ProblemDecoder().decode(file: file)
      let run = try CheckRunner.run(problem)
      let options = ReportOptions(digits: digits, exactForms: exactForms, inputName: file)
      let text = json ? JSONWriter.write(run.jsonReport(options)) + "\n" : run.textReport(options)
      return CommandOutput(standardOutput: text, exitCode: run.verdict.exitCode)
    } catch {
      return error.commandOutput(json: json)
    }
  }

  static func parseDigits(_ text: String?) throws(InputError) -> Int {
    guard let text else { return defaultDigits }
    guard let digits = Int(text), (0...1000).contains(digits) else {
      throw InputError(.usage, "--digits must be an integer from 0 to 1000, got '\(text)'")
    }
    return digits
  }

  /// Parses a comma-separated list of exact rationals (`"3,-1/2,0.25"`).
  static func parseVector(_ text: String, option: String, limits: InputLimits = .standard) throws(InputError) -> [Rational] {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw InputError(.usage, "\(option) is empty: give comma-separated exact rationals such as 3,-1/2,0.25")
    }
    if parts.count > limits.maximumDimension {
      throw InputError(.limitExceeded, "\(option) has \(parts.count) entries, more than the limit of \(limits.maximumDimension)")
    }
    var result: [Rational] = []
    for (index, part) in parts.enumerated() {
      result.append(try parseRational(String(part), what: "\(option) entry \(index)"))
    }
    return result
  }

  /// Parses one exact rational given on the command line.
  static func parseRational(_ text: String, what: String, limits: InputLimits = .standard) throws(InputError) -> Rational {
    let node = JSONNode(.string(text), at: SourcePosition(line: 1, column: 1))
    do {
      return try JSONDecoding(limits: limits).rational(node, .root)
    } catch {
      var error = error
      error.location = InputLocation(field: what)
      throw error
    }
  }

  static func parseInteger(_ text: String, what: String, range: ClosedRange<Int>, errorClass: InputErrorClass = .usage) throws(InputError) -> Int {
    guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
      throw InputError(errorClass, "\(what) must be \(JSONDecoding.describe(range)), got '\(text)'")
    }
    return value
  }
}

