/// The IDX format of the MNIST files: a big-endian header (magic `0x0000_08_0D`: type
/// unsigned byte, `D` dimensions), `D` 32-bit big-endian sizes, then the bytes.
public enum IDX {
  /// The magic number of an IDX file of unsigned bytes with three dimensions (images).
  public static let imagesMagic: UInt32 = 0x0000_0803
  /// The magic number of an IDX file of unsigned bytes with one dimension (labels).
  public static let labelsMagic: UInt32 = 0x0000_0801

  /// Parses an IDX file's bytes: checks the magic number and that the size matches the
  /// header exactly; returns the dimensions and the data bytes.
  public static func parse(
    _ bytes: [UInt8], path: String, expectedMagic: UInt32
  ) throws(DataError) -> (dimensions: [Int], data: ArraySlice<UInt8>) {
    func word(_ at: Int) -> UInt32 {
      UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }
    guard bytes.count >= 4 else { throw .truncated(path: path, expectedBytes: 4, actualBytes: bytes.count) }
    let magic = word(0)
    guard magic == expectedMagic else { throw .badMagic(path: path, found: magic, expected: expectedMagic) }
    let rank = Int(magic & 0xFF)
    let headerSize = 4 + 4 * rank
    guard bytes.count >= headerSize else {
      throw .truncated(path: path, expectedBytes: headerSize, actualBytes: bytes.count)
    }
    let dimensions = (0..<rank).map { Int(word(4 + 4 * $0)) }
    let (payload, overflow) = dimensions.reduce((1, false)) { acc, d in
      let (p, o) = acc.0.multipliedReportingOverflow(by: d)
      return (p, acc.1 || o)
    }
    guard !overflow else { throw .corrupt(path: path, reason: "dimensions \(dimensions) overflow") }
    let expected = headerSize + payload
    guard bytes.count >= expected else {
      throw .truncated(path: path, expectedBytes: expected, actualBytes: bytes.count)
    }
    guard bytes.count == expected else {
      throw .corrupt(path: path, reason: "\(bytes.count - expected) bytes after the data the header describes")
    }
    return (dimensions, bytes[headerSize..<expected])
  }

  /// Loads an images file and its labels file (plain or gzip) as a ``Dataset`` with pixels
  /// scaled to `[0, 1]` (divided by 255) and `classes` classes.
  public static func load(images: String, labels: String, classes: Int = 10) throws(DataError) -> Dataset {
    let (imageDims, pixels) = try parse(readDataFile(images), path: images, expectedMagic: imagesMagic)
    let (labelDims, labelBytes) = try parse(readDataFile(labels), path: labels, expectedMagic: labelsMagic)
    guard imageDims[0] == labelDims[0] else {
      throw .mismatch("\(images) has \(imageDims[0]) images, \(labels) has \(labelDims[0]) labels")
    }
    let d = imageDims[1] * imageDims[2]
    var features = Matrix(rows: imageDims[0], columns: d)
    var i = 0
    for byte in pixels {
      features.storage[i] = Float(byte) / 255
      i += 1
    }
    var y = [Int]()
    y.reserveCapacity(labelBytes.count)
    for (n, byte) in labelBytes.enumerated() {
      guard Int(byte) < classes else {
        throw .corrupt(path: labels, reason: "label \(byte) of example \(n) is not in 0..<\(classes)")
      }
      y.append(Int(byte))
    }
    return try Dataset(features: features, labels: y, classes: classes)
  }
}
