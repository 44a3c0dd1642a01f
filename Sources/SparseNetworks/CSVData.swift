/// Loads a numeric CSV data set: one example per line, no header, `featureCount` integer
/// features then an integer label (the layout of the 8x8 digits file).
public enum CSVData {
  /// Parses the file at `path` (plain or gzip). Features are divided by `featureScale`
  /// and must lie in `0...featureScale`; labels must lie in `0..<classes`. Errors name the
  /// file and the line.
  public static func load(
    path: String, featureCount: Int, featureScale: Float, classes: Int
  ) throws(DataError) -> Dataset {
    let bytes = try readDataFile(path)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .corrupt(path: path, reason: "not UTF-8 text")
    }
    var storage = [Float]()
    var labels = [Int]()
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let trimmed = line.hasSuffix("\r") ? line.dropLast() : line[...]
      if trimmed.isEmpty { continue }
      let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count == featureCount + 1 else {
        throw .corrupt(path: path, reason: "line \(lineNumber) has \(fields.count) fields, expected \(featureCount + 1)")
      }
      for (c, field) in fields.enumerated() {
        guard let v = Int(field.trimmingPrefix(" ")) else {
          throw .corrupt(path: path, reason: "line \(lineNumber), field \(c + 1): '\(field)' is not an integer")
        }
        if c < featureCount {
          guard v >= 0, Float(v) <= featureScale else {
            throw .corrupt(path: path, reason: "line \(lineNumber), field \(c + 1): \(v) is outside 0...\(Int(featureScale))")
          }
          storage.append(Float(v) / featureScale)
        } else {
          guard v >= 0, v < classes else {
            throw .corrupt(path: path, reason: "line \(lineNumber): label \(v) is outside 0..<\(classes)")
          }
          labels.append(v)
        }
      }
    }
    guard !labels.isEmpty else { throw .corrupt(path: path, reason: "no examples") }
    let features: Matrix
    do {
      features = try Matrix(rows: labels.count, columns: featureCount, storage: storage)
    } catch {
      throw .corrupt(path: path, reason: error.description)
    }
    return try Dataset(features: features, labels: labels, classes: classes)
  }
}
