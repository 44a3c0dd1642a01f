// `msbp`: the command-line entry point. Each subcommand lives in its own file and
// registers itself in `subcommands`; this file only dispatches.
import Foundation
import SparseNetworks

/// A subcommand: its one-line summary and its entry point (arguments after the name).
struct Subcommand {
  let summary: String
  let run: ([String]) throws -> Void
}

/// Every subcommand, by name.
let subcommands: [String: Subcommand] = [
  "train": Subcommand(summary: "train a reference network with dense, SBP or MSBP backward", run: TrainCommand.run),
  "bench-backward": Subcommand(summary: "time one linear layer's dense, SBP and MSBP backward", run: BenchBackwardCommand.run),
  "figures": Subcommand(summary: "run the experiments of Figures 1-3 (accuracy, its spread, angles vs k); CSV and SVG", run: FiguresCommand.run),
  "angles": Subcommand(summary: "gradient estimation angles of SBP vs MSBP (run-time, paired, dataset)", run: AnglesCommand.run),
]

@MainActor func printUsage() {
  var text = "usage: msbp <subcommand> [options]\n\nsubcommands:\n"
  for (name, command) in subcommands.sorted(by: { $0.key < $1.key }) {
    text += "  \(name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(command.summary)\n"
  }
  text += "\nRun `msbp <subcommand> --help` for its options.\n"
  FileHandle.standardError.write(Data(text.utf8))
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, name != "--help", name != "-h" else {
  printUsage()
  exit(arguments.isEmpty ? 2 : 0)
}
guard let command = subcommands[name] else {
  FileHandle.standardError.write(Data("msbp: unknown subcommand '\(name)'\n".utf8))
  printUsage()
  exit(2)
}
do {
  try command.run(Array(arguments.dropFirst()))
} catch let usage as UsageRequested {
  FileHandle.standardError.write(Data((usage.help + "\n").utf8))
  exit(2)
} catch let error where error is UsageError || error is ConfigurationError || error is DataError {
  // Exit codes (README): 2 for bad input (command line, configuration such as k out of
  // range, network file, an output path that cannot be written, missing or corrupt data),
  // 1 for any other failure (e.g. a write that fails after the up-front check).
  FileHandle.standardError.write(Data("msbp \(name): error: \(error)\n".utf8))
  exit(2)
} catch {
  FileHandle.standardError.write(Data("msbp \(name): error: \(error)\n".utf8))
  exit(1)
}
