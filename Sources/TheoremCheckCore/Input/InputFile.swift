import Foundation

/// Reading an input file with the failures users meet named precisely:
/// missing, unreadable, too large.
public enum InputFile {
  /// The largest input accepted, in bytes (8 MiB). A 256 x 256 matrix of
  /// fractions with six-digit numerators and denominators takes about 1 MiB;
  /// anything far beyond that is a mistake (a wrong file, `/dev/zero`), and
  /// exact arithmetic on it would not finish anyway.
  public static let defaultByteLimit = 8 << 20

  /// Reads the whole file at `path` (`-` for standard input), refusing files
  /// larger than `byteLimit`. Never reads more than `byteLimit + 1` bytes, so
  /// endless files such as `/dev/zero` are refused, not exhausted.
  public static func read(_ path: String, byteLimit: Int = defaultByteLimit) throws(InputError) -> [UInt8] {
    let location = InputLocation(file: path)
    let handle: FileHandle
    if path == "-" {
      handle = FileHandle.standardInput
    } else {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw InputError(.fileMissing, "no such file '\(path)'", at: location)
      }
      if isDirectory.boolValue {
        throw InputError(.fileUnreadable, "'\(path)' is a directory, not a JSON file", at: location)
      }
      guard let opened = FileHandle(forReadingAtPath: path) else {
        throw InputError(.fileUnreadable, "cannot open '\(path)' for reading (check its permissions)", at: location)
      }
      handle = opened
    }
    defer { if path != "-" { try? handle.close() } }
    let data: Data?
    do {
      data = try handle.read(upToCount: byteLimit + 1)
    } catch {
      throw InputError(.fileUnreadable, "cannot read '\(path)': \(error.localizedDescription)", at: location)
    }
    let bytes = [UInt8](data ?? Data())
    if bytes.count > byteLimit {
      throw InputError(
        .fileTooLarge,
        "'\(path)' is larger than \(byteLimit) bytes; no reasonable quadratic needs that much (the limit protects exact arithmetic from running forever)",
        at: location)
    }
    return bytes
  }
}
