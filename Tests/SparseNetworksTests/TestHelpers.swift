import Foundation
import SparseNetworks

/// A matrix of uniform entries in `[-1, 1)` from a seeded generator.
func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
  var rng = SeededGenerator(seed: seed, stream: 99)
  var m = Matrix(rows: rows, columns: columns)
  for i in m.storage.indices { m.storage[i] = rng.nextFloat(in: -1, 1) }
  return m
}

/// A matrix of small integers in `-r...r` (many exact ties in magnitude).
func tiedMatrix(_ rows: Int, _ columns: Int, range r: Int, seed: UInt64) -> Matrix {
  var rng = SeededGenerator(seed: seed, stream: 98)
  var m = Matrix(rows: rows, columns: columns)
  for i in m.storage.indices { m.storage[i] = Float(rng.nextInt(below: 2 * r + 1) - r) }
  return m
}

/// Reference selection by a full sort on (magnitude descending, index ascending).
func referenceTopK(_ keys: [Float], k: Int) -> [Int] {
  let order = keys.indices.sorted { a, b in
    keys[a] != keys[b] ? keys[a] > keys[b] : a < b
  }
  return Array(order.prefix(k)).sorted()
}

/// `A^T B` computed naively in Double (an independent check of the kernels).
func referenceTransposeTimes(_ a: Matrix, _ b: Matrix) -> [[Double]] {
  var r = [[Double]](repeating: [Double](repeating: 0, count: b.columns), count: a.columns)
  for i in 0..<a.columns {
    for j in 0..<b.columns {
      var s = 0.0
      for t in 0..<a.rows { s += Double(a[t, i]) * Double(b[t, j]) }
      r[i][j] = s
    }
  }
  return r
}

/// `A B` computed naively in Double.
func referenceTimes(_ a: Matrix, _ b: Matrix) -> [[Double]] {
  var r = [[Double]](repeating: [Double](repeating: 0, count: b.columns), count: a.rows)
  for i in 0..<a.rows {
    for j in 0..<b.columns {
      var s = 0.0
      for t in 0..<a.columns { s += Double(a[i, t]) * Double(b[t, j]) }
      r[i][j] = s
    }
  }
  return r
}

/// The largest absolute difference between a matrix and a Double reference.
func maxDifference(_ m: Matrix, _ ref: [[Double]]) -> Double {
  var d = 0.0
  for i in 0..<m.rows {
    for j in 0..<m.columns { d = max(d, abs(Double(m[i, j]) - ref[i][j])) }
  }
  return d
}

/// The repository root, found from this file's path (never from the current directory).
let repositoryRoot: String = {
  var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)  // Tests/SparseNetworksTests/TestHelpers.swift
  return parts.joined(separator: "/")
}()

/// `Fixtures/<relative>` under the repository root.
func fixturePath(_ relative: String) -> String { repositoryRoot + "/Fixtures/" + relative }

/// A fresh temporary directory for a test's files.
func temporaryDirectory() throws -> String {
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("SparseNetworksTests-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// Writes `bytes` to `path`.
func write(_ bytes: [UInt8], to path: String) throws {
  try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// A big-endian IDX header.
func idxHeader(magic: UInt32, dimensions: [Int]) -> [UInt8] {
  func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
  return be(magic) + dimensions.flatMap { be(UInt32($0)) }
}
