import Foundation
import GradientAngles
import SparseNetworks

/// The repository root, found from this file's path (never from the current directory).
func repositoryRoot(_ file: String = #filePath) -> String {
  var url = URL(fileURLWithPath: file).deletingLastPathComponent()
  while url.path != "/" {
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    url.deleteLastPathComponent()
  }
  fatalError("no Package.swift above \(file)")
}

/// The digits MLP recipe and its data (from `Fixtures/`).
func digitsSetup() throws -> (NetworkSpec, DataSplits) {
  let root = repositoryRoot()
  let spec = try NetworkSpec.load(path: root + "/Fixtures/networks/digits-mlp.json")
  let data = try TaskData.load(spec, dataDirectory: root + "/Fixtures/digits")
  return (spec, data)
}

/// The angle in degrees between two flat vectors, computed directly (the second method
/// against which ``AngleAccumulator`` is checked).
func flatAngle(_ a: [Double], _ b: [Double]) -> Double {
  let dot = zip(a, b).map(*).reduce(0, +)
  let na = a.map { $0 * $0 }.reduce(0, +).squareRoot()
  let nb = b.map { $0 * $0 }.reduce(0, +).squareRoot()
  return acos(min(1, max(-1, dot / (na * nb)))) * 180 / .pi
}

/// Every parameter of a network, flattened (weights then bias of each layer).
func parameters(_ network: MLP) -> [Float] {
  network.layers.flatMap { $0.weight.storage + $0.bias }
}
