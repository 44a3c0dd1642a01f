// theorem-check: the command-line face of TheoremCheckCore.
//
// This file only turns arguments into library calls and prints what the
// library returns; every check, message and exit code is decided in
// TheoremCheckCore so that it can be tested without a process.
import Foundation
import TheoremCheckCore

/// The subcommands, with their help texts.
enum Subcommand: String, CaseIterable {
  case check
  case topkBound = "topk-bound"
  case conditioning
  case mlpRatio = "mlp-ratio"
  case claims

  var help: String {
    switch self {
    case .check: return Help.check
    case .topkBound: return Help.topkBound
    case .conditioning: return Help.conditioning
    case .mlpRatio: return Help.mlpRatio
    case .claims: return Help.claims
    }
  }
}

/// Parsed command-line options: `--name value` pairs, flags, and positionals.
struct ParsedArguments {
  var values: [String: String] = [:]
  var flags: Set<String> = []
  var positionals: [String] = []
}

/// Parses `arguments` against the options a subcommand accepts; a usage
/// error is returned as a message.
func parse(_ arguments: ArraySlice<String>, valueOptions: Set<String>, flagOptions: Set<String>) -> Result<ParsedArguments, UsageMessage> {
  var parsed = ParsedArguments()
  var index = arguments.startIndex
  var onlyPositionals = false
  while index < arguments.endIndex {
    var argument = arguments[index]
    index += 1
    if onlyPositionals || !argument.hasPrefix("--") || argument == "-" {
      parsed.positionals.append(argument)
      continue
    }
    if argument == "--" {
      onlyPositionals = true
      continue
    }
    var inlineValue: String? = nil
    if let equals = argument.firstIndex(of: "=") {
      inlineValue = String(argument[argument.index(after: equals)...])
      argument = String(argument[..<equals])
    }
    let name = String(argument.dropFirst(2))
    if flagOptions.contains(name) {
      guard inlineValue == nil else { return .failure(UsageMessage("--\(name) takes no value")) }
      parsed.flags.insert(name)
    } else if valueOptions.contains(name) {
      if let inlineValue {
        parsed.values[name] = inlineValue
      } else {
        guard index < arguments.endIndex else { return .failure(UsageMessage("--\(name) needs a value")) }
        parsed.values[name] = arguments[index]
        index += 1
      }
    } else {
      return .failure(UsageMessage("unknown option --\(name)"))
    }
  }
  return .success(parsed)
}

struct UsageMessage: Error {
  var text: String
  init(_ text: String) { self.text = text }
}

/// Exit code when standard output cannot be written (a full disk, a closed pipe's
/// reader): the result did not reach the user, so success must not be reported.
let outputFailedExitCode: Int32 = 3

/// Writes all of `bytes` to file descriptor 1; returns the error's description on failure.
func writeStandardOutput(_ bytes: [UInt8]) -> String? {
  bytes.withUnsafeBytes { raw -> String? in
    var offset = 0
    while offset < raw.count {
      let n = write(1, raw.baseAddress! + offset, raw.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        return String(cString: strerror(errno))
      }
      offset += n
    }
    return nil
  }
}

func emit(_ output: CommandOutput) -> Never {
  if !output.standardOutput.isEmpty {
    if let reason = writeStandardOutput(Array(output.standardOutput.utf8)) {
      FileHandle.standardError.write(Data("theorem-check: error: could not write standard output: \(reason)\n".utf8))
      exit(outputFailedExitCode)
    }
  }
  if !output.standardError.isEmpty {
    FileHandle.standardError.write(Data(output.standardError.utf8))
  }
  exit(output.exitCode.rawValue)
}

func run() -> Never {
  var arguments = CommandLine.arguments.dropFirst()
  if arguments.isEmpty || arguments.first == "--help" || arguments.first == "-h" || arguments.first == "help" {
    if arguments.count >= 2, let sub = Subcommand(rawValue: arguments[arguments.startIndex + 1]) {
      emit(CommandOutput(standardOutput: sub.help))
    }
    let output = CommandOutput(standardOutput: Help.overview)
    emit(arguments.isEmpty ? CommandOutput(standardError: Help.overview, exitCode: .badInput) : output)
  }
  var subcommand = Subcommand.check
  if let first = arguments.first, let named = Subcommand(rawValue: first) {
    subcommand = named
    arguments = arguments.dropFirst()
  }
  let wantsJSON = arguments.contains("--json")
  if arguments.contains("--help") || arguments.contains("-h") {
    emit(CommandOutput(standardOutput: subcommand.help))
  }

  func usage(_ message: String) -> Never {
    emit(TheoremCheck.usageError(message + "\n(see: theorem-check \(subcommand.rawValue) --help)", json: wantsJSON))
  }

  switch subcommand {
  case .check:
    switch parse(arguments, valueOptions: ["digits"], flagOptions: ["json", "exact"]) {
    case .failure(let message): usage(message.text)
    case .success(let parsed):
      guard parsed.positionals.count == 1 else {
        usage(parsed.positionals.isEmpty ? "missing the input file" : "expected one input file, got \(parsed.positionals.count)")
      }
      emit(TheoremCheck.check(
        file: parsed.positionals[0], json: parsed.flags.contains("json"), exactForms: parsed.flags.contains("exact"),
        digitsText: parsed.values["digits"]))
    }
  case .topkBound:
    switch parse(arguments, valueOptions: ["vector", "k", "kind", "seed"], flagOptions: ["json"]) {
    case .failure(let message): usage(message.text)
    case .success(let parsed):
      guard parsed.positionals.isEmpty else { usage("unexpected argument '\(parsed.positionals[0])'") }
      guard let vector = parsed.values["vector"] else { usage("missing --vector") }
      guard let k = parsed.values["k"] else { usage("missing --k") }
      emit(TheoremCheck.topKBound(
        vectorText: vector, kText: k, kind: parsed.values["kind"] ?? "topk", seedText: parsed.values["seed"],
        json: parsed.flags.contains("json")))
    }
  case .conditioning:
    switch parse(arguments, valueOptions: ["precision"], flagOptions: ["json"]) {
    case .failure(let message): usage(message.text)
    case .success(let parsed):
      guard parsed.positionals.count == 1 else { usage("expected one matrix file") }
      emit(TheoremCheck.conditioning(
        file: parsed.positionals[0], precisionText: parsed.values["precision"], json: parsed.flags.contains("json")))
    }
  case .mlpRatio:
    switch parse(arguments, valueOptions: ["rho", "layers", "theta-cos", "theta-sin", "precision"], flagOptions: ["json"]) {
    case .failure(let message): usage(message.text)
    case .success(let parsed):
      guard parsed.positionals.isEmpty else { usage("unexpected argument '\(parsed.positionals[0])'") }
      guard let rho = parsed.values["rho"] else { usage("missing --rho") }
      guard let layers = parsed.values["layers"] else { usage("missing --layers") }
      emit(TheoremCheck.mlpRatio(
        rhoText: rho, layersText: layers, thetaCosText: parsed.values["theta-cos"],
        thetaSinText: parsed.values["theta-sin"], precisionText: parsed.values["precision"],
        json: parsed.flags.contains("json")))
    }
  case .claims:
    switch parse(arguments, valueOptions: [], flagOptions: ["json"]) {
    case .failure(let message): usage(message.text)
    case .success(let parsed):
      guard parsed.positionals.isEmpty else { usage("unexpected argument '\(parsed.positionals[0])'") }
      emit(TheoremCheck.claims(json: parsed.flags.contains("json")))
    }
  }
}

run()
