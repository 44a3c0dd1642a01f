import Foundation
import Testing
import SparseNetworks

/// The library's checks of bad input (network files, k, data shapes, data and output
/// paths): each is rejected with a ``ConfigurationError`` / ``DataError`` / ``OutputError``
/// whose message names the problem, before anything is allocated or trained.
@Suite struct InputValidationTests {
  /// The digits network file as a JSON object, to be modified by a test.
  func digitsObject() throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath("networks/digits-mlp.json")))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// Writes `object` as a network file and loads it; returns the error message, or nil when
  /// it loaded.
  func loadError(_ object: [String: Any]) throws -> String? {
    let path = try temporaryDirectory() + "/network.json"
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    do {
      _ = try NetworkSpec.load(path: path)
      return nil
    } catch {
      #expect(error.description.contains(path), "the message names the file: \(error)")
      return error.description
    }
  }

  /// `loadError` of the digits network with `key` set to `value`.
  func loadError(setting key: String, to value: Any) throws -> String? {
    var o = try digitsObject()
    o[key] = value
    return try loadError(o)
  }

  @Test func sizesAreBoundedBeforeAnythingIsAllocated() throws {
    let wide = try #require(try loadError(setting: "sizes", to: [64, 100_000_000_000, 10]))
    #expect(wide.contains("100000000000") && wide.contains("limit"))
    // Every width within the limit, but 10^10 parameters.
    let many = try #require(try loadError(setting: "sizes", to: [64, 1_000_000, 10_000, 10]))
    #expect(many.contains("parameters"))
    let batch = try #require(try loadError(setting: "batchSize", to: 1 << 40))
    #expect(batch.contains("batch"))
    #expect(try loadError(setting: "sizes", to: [64, 0, 10])?.contains("positive") == true)
    // The same check guards bench-backward's layer.
    #expect(throws: ConfigurationError.self) {
      try NetworkSpec.validate(sizes: [784, 2_000_000], batchSize: 32, name: "layer")
    }
    try NetworkSpec.validate(sizes: [784, 500], batchSize: 32, name: "layer")
  }

  @Test func unknownKeysAreNamed() throws {
    var o = try digitsObject()
    o["sise"] = [64, 10]
    #expect(try loadError(o)?.contains("unknown key 'sise'") == true)
    o = try digitsObject()
    var optimizer = try #require(o["optimizer"] as? [String: Any])
    optimizer["learning_rate"] = 0.1
    o["optimizer"] = optimizer
    #expect(try loadError(o)?.contains("unknown key 'optimizer.learning_rate'") == true)
    o = try digitsObject()
    o["split"] = ["train": 100, "dev": 10, "test": 10]
    #expect(try loadError(o)?.contains("unknown key 'split.test'") == true)
    #expect(try loadError(try digitsObject()) == nil)
  }

  @Test func ratesAreChecked() throws {
    for lr in [0, -0.1] {
      var o = try digitsObject()
      o["optimizer"] = ["kind": "adam", "learningRate": lr]
      #expect(try loadError(o)?.contains("optimizer.learningRate") == true, "learning rate \(lr)")
    }
    var o = try digitsObject()
    o["optimizer"] = ["kind": "sgd", "learningRate": 0.1, "momentum": 1.5]
    #expect(try loadError(o)?.contains("optimizer.momentum") == true)
    #expect(try loadError(setting: "gamma", to: 1.5)?.contains("gamma") == true)
    #expect(try loadError(setting: "k", to: 65)?.contains("k must be in 1...64") == true)
    // NaN cannot be written in JSON; the check itself rejects it.
    var spec = try NetworkSpec.load(path: fixturePath("networks/digits-mlp.json"))
    spec.optimizer.learningRate = .nan
    #expect(throws: ConfigurationError.self) { try spec.validate() }
    spec = try NetworkSpec.load(path: fixturePath("networks/digits-mlp.json"))
    spec.activation = "leaky-relu:nan"
    #expect(throws: ConfigurationError.self) { try spec.validate() }
  }

  @Test func networkPathErrorsAreClean() throws {
    let dir = try temporaryDirectory()
    for (path, expected) in [(dir, "is a directory"), (dir + "/none.json", "network file not found")] {
      do {
        _ = try NetworkSpec.load(path: path)
        Issue.record("expected an error for \(path)")
      } catch {
        #expect(error.description.contains(expected) && error.description.contains(path), "\(error)")
        #expect(!error.description.contains("NSCocoaErrorDomain") && !error.description.contains("data file"))
      }
    }
  }

  @Test func kLiesBetweenOneAndTheNarrowestHiddenWidth() throws {
    var spec = try NetworkSpec.load(path: fixturePath("networks/digits-mlp.json"))
    try spec.validate(k: 1)
    try spec.validate(k: 64)  // k = width is dense exactly, and allowed
    for k in [0, -1, 65] {
      #expect(throws: ConfigurationError.self) { try spec.validate(k: k) }
    }
    #expect(throws: ConfigurationError.self) { try spec.validate(.msbp(k: 65, gamma: 0.8)) }
    try spec.validate(.sbp(k: 64))
    try spec.validate(.dense)
    // Unequal widths: the narrowest counts; a ratio is refused.
    spec.sizes = [64, 64, 32, 10]
    try spec.validate(k: 32)
    #expect(throws: ConfigurationError.self) { try spec.validate(k: 33) }
    #expect(throws: ConfigurationError.self) { try spec.k(ratio: 0.5) }
    // No hidden layer: nothing to sparsify.
    spec.sizes = [64, 10]
    #expect(throws: ConfigurationError.self) { try spec.validate(k: 1) }
  }

  @Test func everyRatioGivesAValidK() throws {
    let spec = try NetworkSpec.load(path: fixturePath("networks/digits-mlp.json"))
    #expect(try spec.k(ratio: 1) == 64)
    #expect(try spec.k(ratio: 0.125) == 8)
    #expect(try spec.k(ratio: 1e-9) == 1)
    for i in 1...1000 {
      let k = try spec.k(ratio: Double(i) / 1000)
      try spec.validate(k: k)
    }
    for r in [0, -0.5, 1.5, .nan] {
      #expect(throws: ConfigurationError.self) { try spec.k(ratio: r) }
    }
  }

  @Test func dataMustFitTheNetworkBeforeTraining() throws {
    var spec = try NetworkSpec.load(path: fixturePath("networks/digits-mlp.json"))
    spec.sizes = [64, 64, 5]
    do {
      _ = try TaskData.load(spec, dataDirectory: fixturePath("digits"))
      Issue.record("expected an error")
    } catch let error as ConfigurationError {
      #expect(error.description.contains("output width 5") && error.description.contains("10 classes"))
    }
    spec.sizes = [32, 64, 10]
    do {
      _ = try TaskData.load(spec, dataDirectory: fixturePath("digits"))
      Issue.record("expected an error")
    } catch let error as ConfigurationError {
      #expect(error.description.contains("input width 32") && error.description.contains("64 features"))
    }
  }

  @Test func aDataFileThatIsADirectoryIsNamed() throws {
    let dir = try temporaryDirectory()
    try FileManager.default.createDirectory(atPath: dir + "/digits.csv.gz", withIntermediateDirectories: true)
    do {
      _ = try TaskData.loadDigits(dataDirectory: dir)
      Issue.record("expected an error")
    } catch {
      #expect(error == .unreadable(path: dir + "/digits.csv.gz", reason: "it is a directory, not a file"))
      #expect(!error.description.contains("NSCocoaErrorDomain"))
    }
  }

  @Test func aMissingMNISTFileIsNamedInBothSpellings() throws {
    let dir = try temporaryDirectory()
    // Dotted names, one file absent.
    let images = idxHeader(magic: 0x803, dimensions: [1, 1, 1]) + [0]
    let labels = idxHeader(magic: 0x801, dimensions: [1]) + [0]
    try write(images, to: dir + "/train-images.idx3-ubyte")
    try write(labels, to: dir + "/train-labels.idx1-ubyte")
    try write(images, to: dir + "/t10k-images.idx3-ubyte")
    do {
      _ = try TaskData.loadMNIST(dataDirectory: dir)
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("t10k-labels-idx1-ubyte") && error.description.contains("t10k-labels.idx1-ubyte"))
      #expect(error.description.contains(dir))
      #expect(!error.description.contains("(.gz)"))
    }
    try write(labels, to: dir + "/t10k-labels.idx1-ubyte")
    #expect(try TaskData.loadMNIST(dataDirectory: dir).test.count == 1)
  }

  @Test func outputPathsAreCheckedWithoutWriting() throws {
    let dir = try temporaryDirectory()
    try OutputPath.checkWritableFile(dir + "/out.json", option: "--out")
    #expect(!FileManager.default.fileExists(atPath: dir + "/out.json"), "the check creates nothing")
    for (path, expected) in [
      ("/nonexistent-msbp-dir/out.json", "does not exist"), (dir, "is a directory"),
    ] {
      do {
        try OutputPath.checkWritableFile(path, option: "--out")
        Issue.record("expected an error for \(path)")
      } catch {
        #expect(error.description.contains(path) && error.description.contains(expected), "\(error)")
        #expect(error.description.hasPrefix("--out"))
      }
    }
    // A directory is made if needed; a file in the way is refused.
    try OutputPath.prepareDirectory(dir + "/a/b", option: "--out")
    #expect(FileManager.default.fileExists(atPath: dir + "/a/b"))
    try write([1], to: dir + "/file")
    #expect(throws: ConfigurationError.self) { try OutputPath.prepareDirectory(dir + "/file", option: "--out") }
    // A write that fails anyway says which file, without a raw NSError.
    do {
      try OutputPath.write("x", to: "/nonexistent-msbp-dir/out.csv")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("/nonexistent-msbp-dir/out.csv"))
      #expect(!error.description.contains("NSCocoaErrorDomain") && !error.description.contains("Domain="))
    }
    try OutputPath.write("x", to: dir + "/out.csv")
    #expect(try String(contentsOfFile: dir + "/out.csv", encoding: .utf8) == "x")
  }
}
