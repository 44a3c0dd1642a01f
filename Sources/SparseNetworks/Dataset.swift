import Foundation

/// A labelled classification data set: one example per row of `features`.
public struct Dataset: Sendable, Equatable {
  /// The examples, `[N, d]`, scaled to `[0, 1]`.
  public var features: Matrix
  /// The label of each example, in `0..<classes`.
  public var labels: [Int]
  /// The number of classes.
  public var classes: Int

  /// A data set; throws when the counts disagree or a label is out of range.
  public init(features: Matrix, labels: [Int], classes: Int) throws(DataError) {
    guard features.rows == labels.count else {
      throw .mismatch("\(features.rows) examples but \(labels.count) labels")
    }
    if let bad = labels.first(where: { $0 < 0 || $0 >= classes }) {
      throw .mismatch("label \(bad) outside 0..<\(classes)")
    }
    self.features = features
    self.labels = labels
    self.classes = classes
  }

  /// The number of examples.
  public var count: Int { labels.count }

  /// The examples in `range`, in order.
  public func slice(_ range: Range<Int>) -> Dataset {
    var copy = self
    copy.features = features.gatherRows(range)
    copy.labels = Array(labels[range])
    return copy
  }

  /// The examples at `indices`, in that order.
  public func gather(_ indices: [Int]) -> Dataset {
    var copy = self
    copy.features = features.gatherRows(indices)
    copy.labels = indices.map { labels[$0] }
    return copy
  }
}

/// The train, development and test parts of a task.
public struct DataSplits: Sendable {
  /// Training examples.
  public var train: Dataset
  /// Development (validation) examples.
  public var dev: Dataset
  /// Test examples.
  public var test: Dataset

  /// The three parts.
  public init(train: Dataset, dev: Dataset, test: Dataset) {
    self.train = train
    self.dev = dev
    self.test = test
  }
}

/// Reads a whole file, decompressing it when it is gzip data.
func readDataFile(_ path: String) throws(DataError) -> [UInt8] {
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missingFile(path: path) }
  guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a directory, not a file") }
  let data: Data
  do {
    data = try Data(contentsOf: URL(fileURLWithPath: path))
  } catch {
    throw .unreadable(path: path, reason: fileErrorReason(error))
  }
  let bytes = [UInt8](data)
  if Gzip.isGzip(bytes) {
    do {
      return try Gzip.decompress(bytes)
    } catch {
      throw .corrupt(path: path, reason: error.reason)
    }
  }
  return bytes
}

/// A short reason for a failed file operation: the POSIX message (e.g. "Permission denied")
/// when Foundation's error carries one, never a raw `NSCocoaErrorDomain` dump.
func fileErrorReason(_ error: any Error) -> String {
  let ns = error as NSError
  for e in [ns.userInfo[NSUnderlyingErrorKey] as? NSError, ns].compactMap({ $0 }) where e.domain == NSPOSIXErrorDomain {
    return String(cString: strerror(Int32(e.code)))
  }
  if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
  if ns.domain == NSCocoaErrorDomain {
    switch CocoaError.Code(rawValue: ns.code) {
    case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
    case .fileReadNoPermission, .fileWriteNoPermission: return String(cString: strerror(EACCES))
    case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
    case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
    case .fileWriteFileExists: return String(cString: strerror(EEXIST))
    default: break
    }
  }
  return ns.localizedDescription
}

// MARK: - Output files

/// An output file that could not be written although its path was checked up front (for
/// example a full disk); the message names the file.
public struct OutputError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What failed, naming the file.
  public let description: String
  /// An error with the given message.
  public init(_ description: String) { self.description = description }
}

/// Checks and writes the files a command produces, so that an unusable output path is
/// reported before any work is done, with a message naming the path.
public enum OutputPath {
  /// Checks that a file can be created or replaced at `path`: the file, if present, is a
  /// writable regular file, and its directory exists and is writable. Creates nothing.
  /// `option` (e.g. `--out`) prefixes the message.
  public static func checkWritableFile(_ path: String, option: String) throws(ConfigurationError) {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard !isDirectory.boolValue else { throw ConfigurationError("\(option): cannot write \(path): it is a directory") }
      guard fm.isWritableFile(atPath: path) else {
        throw ConfigurationError("\(option): cannot write \(path): the file is not writable")
      }
    }
    let parent = (path as NSString).deletingLastPathComponent
    let directory = parent.isEmpty ? "." : parent
    guard fm.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      throw ConfigurationError("\(option): cannot write \(path): the directory \(directory) does not exist")
    }
    guard isDirectory.boolValue else {
      throw ConfigurationError("\(option): cannot write \(path): \(directory) is not a directory")
    }
    guard fm.isWritableFile(atPath: directory) else {
      throw ConfigurationError("\(option): cannot write \(path): the directory \(directory) is not writable")
    }
  }

  /// Makes sure `path` is a writable directory, creating it (and its parents) if needed.
  /// `option` (e.g. `--out`) prefixes the message.
  public static func prepareDirectory(_ path: String, option: String) throws(ConfigurationError) {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw ConfigurationError("\(option): \(path) exists and is not a directory")
      }
    } else {
      do {
        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
      } catch {
        throw ConfigurationError("\(option): cannot create the directory \(path): \(fileErrorReason(error))")
      }
    }
    guard fm.isWritableFile(atPath: path) else {
      throw ConfigurationError("\(option): the directory \(path) is not writable")
    }
  }

  /// Writes `data` to `path` atomically; a failure is an ``OutputError`` naming the file.
  public static func write(_ data: Data, to path: String) throws(OutputError) {
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw OutputError("cannot write \(path): \(fileErrorReason(error))")
    }
  }

  /// Writes `text` as UTF-8 to `path` atomically (as the `Data` overload does).
  public static func write(_ text: String, to path: String) throws(OutputError) {
    try write(Data(text.utf8), to: path)
  }
}
