import Foundation

/// Finds and loads the data of a ``NetworkSpec``'s task.
public enum TaskData {
  /// The MNIST file names accepted, in order of preference, for each of the four files
  /// (official names with dashes, the dotted variant, each plain or gzip).
  static func candidates(_ stem: String, _ kind: String) -> [String] {
    ["\(stem)-\(kind)", "\(stem).\(kind)"].flatMap { [$0, $0 + ".gz"] }
  }

  /// The directories searched: `dataDirectory` and `dataDirectory/<task>` when given,
  /// else `./data/<task>`, `./data` and `../shared/datasets/<task>` (from the current
  /// directory).
  public static func searchDirectories(task: String, dataDirectory: String?) -> [String] {
    if let d = dataDirectory { return [d, d + "/" + task] }
    return ["data/" + task, "data", "../shared/datasets/" + task]
  }

  /// Loads MNIST from the first directory holding the training images; when no directory
  /// holds any MNIST file, throws ``DataError/mnistNotFound(searched:)`` (which says what to
  /// download and where).
  public static func loadMNIST(dataDirectory: String?) throws(DataError) -> (train: Dataset, test: Dataset) {
    let dirs = searchDirectories(task: "mnist", dataDirectory: dataDirectory)
    let fm = FileManager.default
    func find(_ dir: String, _ stem: String, _ kind: String) -> String? {
      candidates(stem, kind).map { dir + "/" + $0 }.first { fm.fileExists(atPath: $0) }
    }
    guard let dir = dirs.first(where: { d in
      find(d, "train-images", "idx3-ubyte") != nil || find(d, "train-labels", "idx1-ubyte") != nil
        || find(d, "t10k-images", "idx3-ubyte") != nil || find(d, "t10k-labels", "idx1-ubyte") != nil
    }) else {
      throw .mnistNotFound(searched: dirs)
    }
    func path(_ stem: String, _ kind: String) throws(DataError) -> String {
      guard let p = find(dir, stem, kind) else { throw .missingAnyOf(directory: dir, names: candidates(stem, kind)) }
      return p
    }
    // Every file is located before any is read, so a missing one is reported at once.
    let paths = (
      try path("train-images", "idx3-ubyte"), try path("train-labels", "idx1-ubyte"),
      try path("t10k-images", "idx3-ubyte"), try path("t10k-labels", "idx1-ubyte"))
    let train = try IDX.load(images: paths.0, labels: paths.1)
    let test = try IDX.load(images: paths.2, labels: paths.3)
    return (train, test)
  }

  /// Loads the 8x8 digits CSV (`digits.csv.gz` or `digits.csv`) from the first directory
  /// holding it.
  public static func loadDigits(dataDirectory: String?) throws(DataError) -> Dataset {
    let dirs = searchDirectories(task: "digits", dataDirectory: dataDirectory)
      + (dataDirectory == nil ? ["Fixtures/digits"] : [])
    let names = ["digits.csv.gz", "digits.csv"]
    for d in dirs {
      for n in names where FileManager.default.fileExists(atPath: d + "/" + n) {
        return try CSVData.load(path: d + "/" + n, featureCount: 64, featureScale: 16, classes: 10)
      }
    }
    throw .missingFile(path: "digits.csv.gz or digits.csv (searched: \(dirs.joined(separator: ", ")))")
  }

  /// The train/dev/test splits of `spec`'s task: train is the first `split.train`
  /// examples of the training data, dev the next `split.dev`; the test set is MNIST's
  /// t10k file, or for digits the examples after train and dev.
  public static func load(_ spec: NetworkSpec, dataDirectory: String?) throws -> DataSplits {
    let pool: Dataset
    var test: Dataset?
    switch spec.dataset {
    case "mnist":
      let (train, t) = try loadMNIST(dataDirectory: dataDirectory)
      pool = train
      test = t
    default:
      pool = try loadDigits(dataDirectory: dataDirectory)
    }
    let needed = spec.split.train + spec.split.dev
    guard needed <= pool.count, test != nil || needed < pool.count else {
      throw ConfigurationError(
        "\(spec.name): split train \(spec.split.train) + dev \(spec.split.dev) does not fit \(pool.count) examples")
    }
    // Input width = features and output width = classes, for training and test data, before
    // any training (a mismatch would otherwise surface as a shape error in the first step).
    try spec.validate(data: pool, part: "training")
    if let test { try spec.validate(data: test, part: "test") }
    return DataSplits(
      train: pool.slice(0..<spec.split.train),
      dev: pool.slice(spec.split.train..<needed),
      test: test ?? pool.slice(needed..<pool.count))
  }
}
