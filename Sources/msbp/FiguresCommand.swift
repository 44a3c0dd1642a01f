import Foundation

/// `msbp figures`: the experiments of the paper's Figures 1-3 (being written).
enum FiguresCommand {
  static func run(_ arguments: [String]) throws {
    throw UsageError("msbp figures is not implemented yet")
  }
}
