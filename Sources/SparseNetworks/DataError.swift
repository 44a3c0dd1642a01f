/// A data file that could not be used, with the file named and what is wrong.
public enum DataError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The file does not exist.
  case missingFile(path: String)
  /// The file exists but could not be read.
  case unreadable(path: String, reason: String)
  /// The file is shorter than its header promises.
  case truncated(path: String, expectedBytes: Int, actualBytes: Int)
  /// The file does not start with the expected magic number (e.g. labels passed as images).
  case badMagic(path: String, found: UInt32, expected: UInt32)
  /// The contents are malformed (bad value, wrong field count, trailing bytes, bad gzip).
  case corrupt(path: String, reason: String)
  /// Two files that belong together disagree (e.g. image and label counts).
  case mismatch(String)
  /// None of the accepted names of one file (e.g. an MNIST file with dashes or dots, plain
  /// or gzip) exists in the directory.
  case missingAnyOf(directory: String, names: [String])
  /// None of the MNIST files was found in the searched directories.
  case mnistNotFound(searched: [String])

  /// A message for the user.
  public var description: String {
    switch self {
    case .missingFile(let p): "missing data file: \(p)"
    case .missingAnyOf(let d, let names):
      "missing data file in \(d): none of \(names.joined(separator: ", ")) exists"
    case .unreadable(let p, let r): "cannot read \(p): \(r)"
    case .truncated(let p, let e, let a):
      "truncated data file \(p): the header promises \(e) bytes, the file has \(a)"
    case .badMagic(let p, let f, let e):
      "wrong magic number in \(p): found 0x\(String(f, radix: 16)), expected 0x\(String(e, radix: 16)) (wrong or corrupt file?)"
    case .corrupt(let p, let r): "corrupt data file \(p): \(r)"
    case .mismatch(let r): "inconsistent data files: \(r)"
    case .mnistNotFound(let dirs):
      """
      MNIST not found (searched: \(dirs.joined(separator: ", "))).
      Download the four MNIST files
        train-images-idx3-ubyte.gz  train-labels-idx1-ubyte.gz
        t10k-images-idx3-ubyte.gz   t10k-labels-idx1-ubyte.gz
      (e.g. from https://storage.googleapis.com/cvdf-datasets/mnist/ or http://yann.lecun.com/exdb/mnist/)
      into one directory, e.g. ./data/mnist/, and pass it with --data DIR
      (.gz files are read directly; gunzipped files work too).
      """
    }
  }
}
