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
  guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path: path) }
  let data: Data
  do {
    data = try Data(contentsOf: URL(fileURLWithPath: path))
  } catch {
    throw .unreadable(path: path, reason: "\(error.localizedDescription)")
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
