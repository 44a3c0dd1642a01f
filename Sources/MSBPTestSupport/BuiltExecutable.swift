import Foundation

/// Runs an executable product of this package from a test, found next to the test bundle
/// (as swift-argument-parser's example tests do): end-to-end tests check exit codes and
/// output of the real command, not of its library.
public enum BuiltExecutable {
  /// What a run produced.
  public struct Result: Sendable {
    /// The process's exit status.
    public var exitCode: Int32
    /// Everything written to standard output.
    public var standardOutput: String
    /// Everything written to standard error.
    public var standardError: String
  }

  /// The path of the built executable `name` (in the build products directory).
  public static func url(_ name: String) -> URL {
    #if os(macOS)
      for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(name)
      }
    #endif
    return Bundle.main.bundleURL.appendingPathComponent(name)
  }

  /// Runs `name arguments...` (in `directory` if given), feeds it `standardInput`, and
  /// collects its output and exit code.
  public static func run(
    _ name: String, _ arguments: [String], standardInput: Data? = nil, in directory: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = url(name)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let standardInput { input.fileHandleForWriting.write(standardInput) }
    try input.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a large output cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      exitCode: process.terminationStatus,
      standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self))
  }
}
