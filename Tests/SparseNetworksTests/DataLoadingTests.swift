import Foundation
import Testing
import SparseNetworks

@Suite struct DataLoadingTests {
  @Test func digitsFixtureLoadsFromGzip() throws {
    let digits = try CSVData.load(
      path: fixturePath("digits/digits.csv.gz"), featureCount: 64, featureScale: 16, classes: 10)
    #expect(digits.count == 1797)
    #expect(digits.features.columns == 64)
    // Every class is present, and pixels lie in [0, 1].
    #expect(Set(digits.labels) == Set(0..<10))
    #expect(digits.features.storage.allSatisfy { $0 >= 0 && $0 <= 1 })
    // The gzip decoder agrees with the plain-text parser on the same rows.
    let dir = try temporaryDirectory()
    let first = (0..<3).map { b in
      (0..<64).map { String(Int(digits.features[b, $0] * 16)) }.joined(separator: ",") + ",\(digits.labels[b])"
    }.joined(separator: "\n")
    try write(Array(first.utf8), to: dir + "/three.csv")
    let plain = try CSVData.load(path: dir + "/three.csv", featureCount: 64, featureScale: 16, classes: 10)
    #expect(plain == digits.slice(0..<3))
  }

  @Test func csvErrorsNameTheLine() throws {
    let dir = try temporaryDirectory()
    try write(Array("1,2,3\n4,5\n".utf8), to: dir + "/short.csv")
    #expect(throws: DataError.corrupt(path: dir + "/short.csv", reason: "line 2 has 2 fields, expected 3")) {
      try CSVData.load(path: dir + "/short.csv", featureCount: 2, featureScale: 16, classes: 10)
    }
    try write(Array("1,x,3\n".utf8), to: dir + "/text.csv")
    #expect(throws: DataError.self) {
      try CSVData.load(path: dir + "/text.csv", featureCount: 2, featureScale: 16, classes: 10)
    }
    #expect(throws: DataError.missingFile(path: dir + "/none.csv")) {
      try CSVData.load(path: dir + "/none.csv", featureCount: 2, featureScale: 16, classes: 10)
    }
  }

  @Test func corruptGzipIsReported() throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixturePath("digits/digits.csv.gz"))))
    let dir = try temporaryDirectory()
    // Cut short.
    try write(Array(bytes.prefix(bytes.count / 2)), to: dir + "/cut.csv.gz")
    #expect(throws: DataError.self) {
      try CSVData.load(path: dir + "/cut.csv.gz", featureCount: 64, featureScale: 16, classes: 10)
    }
    // One flipped byte in the compressed stream: a Huffman error or a CRC mismatch.
    var flipped = bytes
    flipped[bytes.count / 2] ^= 0x55
    try write(flipped, to: dir + "/flipped.csv.gz")
    #expect(throws: DataError.self) {
      try CSVData.load(path: dir + "/flipped.csv.gz", featureCount: 64, featureScale: 16, classes: 10)
    }
  }

  /// A tiny IDX pair written by the test: 3 images of 2 x 2 and their labels.
  func writeIDX(_ dir: String, images: [UInt8]? = nil, labels: [UInt8]? = nil) throws -> (String, String) {
    let pixels: [UInt8] = [0, 255, 51, 102, 1, 2, 3, 4, 255, 0, 0, 255]
    try write(images ?? idxHeader(magic: 0x803, dimensions: [3, 2, 2]) + pixels, to: dir + "/img")
    try write(labels ?? idxHeader(magic: 0x801, dimensions: [3]) + [7, 0, 9], to: dir + "/lab")
    return (dir + "/img", dir + "/lab")
  }

  @Test func idxLoads() throws {
    let (i, l) = try writeIDX(try temporaryDirectory())
    let d = try IDX.load(images: i, labels: l)
    #expect(d.labels == [7, 0, 9])
    #expect(d.features.rows == 3 && d.features.columns == 4)
    #expect(d.features.row(0) == [0, 1, 0.2, 0.4])
  }

  @Test func idxErrors() throws {
    let dir = try temporaryDirectory()
    // Labels passed as images: wrong magic.
    let (_, l) = try writeIDX(dir)
    #expect(throws: DataError.badMagic(path: l, found: 0x801, expected: 0x803)) {
      try IDX.load(images: l, labels: l)
    }
    // Truncated: header promises 12 pixels, 5 present.
    let t = try writeIDX(dir, images: idxHeader(magic: 0x803, dimensions: [3, 2, 2]) + [1, 2, 3, 4, 5])
    #expect(throws: DataError.truncated(path: t.0, expectedBytes: 28, actualBytes: 21)) {
      try IDX.load(images: t.0, labels: t.1)
    }
    // Label out of range.
    let c = try writeIDX(dir, labels: idxHeader(magic: 0x801, dimensions: [3]) + [7, 10, 9])
    #expect(throws: DataError.self) { try IDX.load(images: c.0, labels: c.1) }
    // Count mismatch.
    let m = try writeIDX(dir, labels: idxHeader(magic: 0x801, dimensions: [2]) + [7, 1])
    #expect(throws: DataError.self) { try IDX.load(images: m.0, labels: m.1) }
    #expect(throws: DataError.missingFile(path: dir + "/nothing")) {
      try IDX.load(images: dir + "/nothing", labels: l)
    }
  }

  @Test func missingMNISTSaysWhatToDownload() throws {
    let dir = try temporaryDirectory()
    do {
      _ = try TaskData.loadMNIST(dataDirectory: dir)
      Issue.record("expected an error")
    } catch {
      #expect(error == .mnistNotFound(searched: [dir, dir + "/mnist"]))
      for file in ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"] {
        #expect(error.description.contains(file))
      }
      #expect(error.description.contains("--data"))
    }
  }

  @Test func networkFilesAreValid() throws {
    for name in ["mnist-mlp-500", "mnist-mlp-5000", "digits-mlp"] {
      let spec = try NetworkSpec.load(path: fixturePath("networks/\(name).json"))
      #expect(spec.name == name)
    }
    let paper = try NetworkSpec.load(path: fixturePath("networks/mnist-mlp-500.json"))
    #expect(paper.sizes == [784, 500, 500, 10] && paper.batchSize == 32 && paper.dropout == 0.1)
    #expect(paper.split == .init(train: 55000, dev: 5000) && paper.epochs == 20 && paper.k == 20)
  }
}
